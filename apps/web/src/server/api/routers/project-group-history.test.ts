import { schema } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_PERIOD, seedPortfolio } from "../../testing/portfolio-fixture";
import { addUser, callerFor, createTestApp, signIn, type TestApp } from "../../testing/test-app";

const KEY = "infrastructure|east|medium";

describeEachDb("a project group's history across runs", (kind) => {
  let app: TestApp;
  /** A reader of the whole bank: an officer reads groups over their own projects (every-procedure-scope.test.ts). */
  let readerCookie: string;
  const runIds: number[] = [];

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    readerCookie = await signIn(app, "risk@bank.test");
    runIds.push((await seedPortfolio(app, risk.id)).runId);
    const db = app.handle.db;
    const more = await db
      .insert(schema.segmentRuns)
      .values([
        {
          period: FIXTURE_PERIOD,
          policyVersion: 1,
          status: "succeeded" as const,
          codeVersion: "test",
          startedBy: risk.id,
          finishedAt: new Date(Date.now() + 60_000),
          progressPct: 100,
        },
        {
          period: FIXTURE_PERIOD,
          policyVersion: 1,
          status: "failed" as const,
          codeVersion: "test",
          startedBy: risk.id,
          finishedAt: new Date(Date.now() + 120_000),
          progressPct: 100,
        },
      ])
      .returning({ id: schema.segmentRuns.id });
    runIds.push(...more.map((run) => run.id));
    const group = (runId: number, signalRate: number) => ({
      runId,
      groupKey: KEY,
      industry: "infrastructure",
      region: "east",
      riskLevel: "medium",
      projectCount: 4,
      loanAmountFen: 20_000_000_000n,
      signalRate,
      profile: {},
    });
    await db
      .insert(schema.projectGroups)
      .values([group(runIds[0]!, 0.25), group(runIds[1]!, 0.5), group(runIds[2]!, 0.75)]);
    await db.insert(schema.earlyWarnings).values({
      runId: runIds[1]!,
      groupKey: KEY,
      level: "alert",
      signalRate: 0.5,
      previousSignalRate: 0.25,
      reason: { kind: "test" },
    });
  });
  afterAll(async () => app?.close());

  it("gives the signal rate of every finished run, oldest first, with the warnings raised, to a whole-bank reader", async () => {
    const history = await (await callerFor(app, readerCookie)).segment.projectGroupHistory({ groupKey: KEY });
    expect(history.points.map((p) => [p.runId, p.signalRate, p.warningLevels])).toEqual([
      [runIds[0], 0.25, []],
      [runIds[1], 0.5, ["alert"]],
    ]);
    expect(
      (await (await callerFor(app, readerCookie)).segment.projectGroupHistory({ groupKey: "no|such|group" })).points,
    ).toEqual([]);
  });
});
