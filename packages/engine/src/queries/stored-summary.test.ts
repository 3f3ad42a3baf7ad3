import { resolveRun, type DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRun } from "../runs/start-run";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { readPortfolioSummary } from "./portfolio-summary";
import { readRunSummary } from "./stored-summary";

describeEachDb("a run's stored dashboard figures", (kind) => {
  let handle: DbHandle;
  let runId: number;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 120);
    const outcome = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
    if (outcome.status !== "succeeded") throw new Error("run failed");
    runId = outcome.runId;
    expect(outcome.timingsMs).toHaveProperty("figures");
  });
  afterAll(() => handle.close());

  const storedScopes = async () =>
    (
      await handle.raw<{ scope: string }>("select scope_key as scope from run_summaries where run_id = $1 order by 1", [
        runId,
      ])
    ).map((row) => row.scope);

  it("stores the bank-wide figures when the run finishes, the very figures the results give", async () => {
    expect(await storedScopes()).toEqual(["all"]);
    const run = (await resolveRun(handle.db, { runId }))!;
    const stored = await readRunSummary(handle, { run, scope: "all" });
    expect(stored).toEqual(await readPortfolioSummary(handle.db, { run, scope: "all" }));
    expect(typeof stored.totals.contributionFen).toBe("bigint");
    expect(stored.byTier.length).toBeGreaterThan(0);
  });

  it("stores an officer's figures on the first read, and serves what is stored from then on", async () => {
    const run = (await resolveRun(handle.db, { runId }))!;
    const scope = { officer: "O001" };
    const first = await readRunSummary(handle, { run, scope });
    expect(first).toEqual(await readPortfolioSummary(handle.db, { run, scope }));
    expect(await storedScopes()).toEqual(["all", "o:O001"]);
    // What is stored is what is shown: the figures are read back, not recomputed.
    await handle.raw(
      `update run_summaries set summary = jsonb_set(summary, '{totals,customers}', '-1') where run_id = $1 and scope_key = 'o:O001'`,
      [runId],
    );
    expect((await readRunSummary(handle, { run, scope })).totals.customers).toBe(-1);
  });
});
