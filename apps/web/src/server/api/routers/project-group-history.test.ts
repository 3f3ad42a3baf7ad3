import { describeEachDb } from "@creditseg/db/testing";
import { startRun } from "@creditseg/engine";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_PERIOD, seedPortfolio } from "../../testing/portfolio-fixture";
import { addUser, callerFor, createTestApp, signIn, type TestApp } from "../../testing/test-app";

/** The fixture's four projects share industry, region and risk level: one group. */
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
    // Run 1: C003's and C004's projects are 95 days overdue, 2 of 4 signal.
    runIds.push((await seedPortfolio(app, risk.id)).runId);
    // Then C001's project falls 200 days overdue, and run 2 reads 3 of 4.
    const report = await commitImport({
      handle: app.handle,
      kind: "projects",
      period: FIXTURE_PERIOD,
      file: bufferSource(
        "projects-amend.csv",
        new TextEncoder().encode(
          "project_id,customer_id,name,industry,region,total_investment,loan_amount,risk_level,status,overdue_days,downgraded\n" +
            "PC001,C001,项目 C001,infrastructure,east,100000000.00,50000000.00,medium,construction,200,否\n",
        ),
      ),
      actor: { id: risk.id, role: "risk_manager" },
    });
    expect(report.status).toBe("committed");
    const second = await (
      await startRun(app.handle, { actor: { id: risk.id, role: "risk_manager" }, period: FIXTURE_PERIOD })
    ).completion;
    if (second.status !== "succeeded") throw new Error(second.error);
    runIds.push(second.runId);
  }, 120_000);
  afterAll(async () => app?.close());

  it("gives the signal rate of every finished run, oldest first, with the warnings raised, to a whole-bank reader", async () => {
    const history = await (await callerFor(app, readerCookie)).segment.projectGroupHistory({ groupKey: KEY });
    expect(history.points.map((p) => [p.runId, p.signalRate, p.warningLevels])).toEqual([
      // The default policy's limits: above 10 % is an alert; a rise of over 5 points (50 → 75) is also a watch.
      [runIds[0], 0.5, ["alert"]],
      [runIds[1], 0.75, ["alert", "watch"]],
    ]);
    expect(
      (await (await callerFor(app, readerCookie)).segment.projectGroupHistory({ groupKey: "no|such|group" })).points,
    ).toEqual([]);
  });
});
