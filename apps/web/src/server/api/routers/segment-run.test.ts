import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitForBackgroundRuns } from "../../runs/job-queue";
import {
  callerFor,
  countAllAudit,
  countAudit,
  createTestApp,
  failureOf,
  signIn,
  type TestApp,
} from "../../testing/test-app";

const PERIOD = "2025";

describeEachDb("segment runs started through the API", (kind) => {
  let app: TestApp;
  const cookies: Record<"admin" | "risk" | "officer", string> = { admin: "", risk: "", officer: "" };

  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemoWorld(app.handle, { customers: 80, period: PERIOD, seed: 7 });
    cookies.admin = await signIn(app, "admin@creditseg.local", DEMO_PASSWORD);
    cookies.risk = await signIn(app, "risk@creditseg.local", DEMO_PASSWORD);
    cookies.officer = await signIn(app, "officer@creditseg.local", DEMO_PASSWORD);
  });
  afterAll(async () => {
    await waitForBackgroundRuns();
    await app?.close();
  });

  const runCount = async () =>
    (await app.handle.raw<{ n: number }>("select count(*)::int as n from segment_runs"))[0]!.n;

  it("refuses a start to nobody, admins and officers, recording nothing", async () => {
    const before = { runs: await runCount(), audit: await countAllAudit(app) };
    expect(await failureOf((await callerFor(app, null)).segmentRun.start({ period: PERIOD }))).toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await failureOf((await callerFor(app, cookies.admin)).segmentRun.start({ period: PERIOD }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf((await callerFor(app, cookies.officer)).segmentRun.start({ period: PERIOD }))).toMatchObject(
      { code: "FORBIDDEN" },
    );
    expect(
      await failureOf((await callerFor(app, cookies.risk)).segmentRun.start({ period: PERIOD, policyVersion: 999 })),
    ).toEqual({ code: "NOT_FOUND", appCode: "POLICY_NOT_FOUND" });
    expect({ runs: await runCount(), audit: await countAllAudit(app) }).toEqual(before);
  });

  it("refuses a start while another run of the period is active, recording nothing", async () => {
    // A run another server is executing: its heartbeat is fresh, so it is not taken for dead.
    await app.handle.raw(
      "insert into segment_runs (period, policy_version, status, seed, code_version, stage, progress_pct, worker, heartbeat_at) values ('2024', 1, 'running', 1, 'test', 'clustering', 40, '1@another-host', now())",
    );
    const before = { runs: await runCount(), audit: await countAllAudit(app) };
    expect(await failureOf((await callerFor(app, cookies.risk)).segmentRun.start({ period: "2024" }))).toEqual({
      code: "CONFLICT",
      appCode: "RUN_ALREADY_ACTIVE",
    });
    expect({ runs: await runCount(), audit: await countAllAudit(app) }).toEqual(before);
  });

  it("starts a run in the background, audited once, and reports its progress until it finishes", async () => {
    const risk = await callerFor(app, cookies.risk);
    const started = await risk.segmentRun.start({ period: PERIOD });
    expect(["queued", "running"]).toContain(started.status);
    expect(await countAudit(app, "run.started", String(started.id))).toBe(1);

    await waitForBackgroundRuns();
    const finished = await risk.segmentRun.byId({ runId: started.id });
    expect(finished).toMatchObject({ status: "succeeded", progressPct: 100, isCurrent: true });

    const second = await risk.segmentRun.start({ period: PERIOD });
    await waitForBackgroundRuns();
    const comparison = await risk.segmentRun.compare({ fromRunId: started.id, toRunId: second.id });
    // Same inputs, same policy and seed: nobody moves.
    expect(comparison.tiers).toMatchObject({ stayedCount: 80, movedCount: 0 });
    const changes = await risk.segmentRun.warningChanges({ runId: second.id });
    expect(changes.previousRunId).toBe(started.id);
  });

  it("compares runs within an officer's own book only", async () => {
    const risk = await callerFor(app, cookies.risk);
    const runs = await risk.segmentRun.list({ statuses: ["succeeded"] });
    const [to, from] = runs.items;
    const all = await risk.segmentRun.compare({ fromRunId: from!.id, toRunId: to!.id });
    const own = await (
      await callerFor(app, cookies.officer)
    ).segmentRun.compare({ fromRunId: from!.id, toRunId: to!.id });
    const total = (m: typeof all) => m.tiers.stayedCount + m.tiers.movedCount;
    const [book] = await app.handle.raw<{ n: number }>(
      "select count(*)::int as n from segment_results where run_id = $1 and officer = 'O001'",
      [to!.id],
    );
    expect(total(own)).toBe(book!.n);
    expect(total(own)).toBeLessThan(total(all));
    expect(await failureOf(risk.segmentRun.compare({ fromRunId: 999, toRunId: to!.id }))).toEqual({
      code: "NOT_FOUND",
      appCode: "RUN_NOT_FOUND",
    });
  });
});
