import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { DEFAULT_POLICY, plannedKMeansRestarts } from "@creditseg/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EngineError } from "../errors/engine-error";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import type { RunProgress } from "./execute-run";
import { verifyRunChecksum } from "./result-checksum";
import { getRun, listRuns } from "./run-queries";
import { startRun } from "./start-run";

/** Every stored result row of a run as text, without the run id, in a fixed order. */
async function storedRows(handle: DbHandle, runId: number) {
  const read = (sql: string) => handle.raw<{ t: string }>(sql, [runId]).then((rows) => rows.map((r) => r.t));
  return {
    results: await read(
      `select row(customer_id, officer, deposit_contribution_fen, loan_contribution_fen, fee_income_fen, contribution_fen, loan_balance_fen, deposit_balance_fen,
                  classification, tier, tier_trace, grade, grade_score, grade_points, cluster, recommendation, override_tier, override_grade, override_id)::text as t
         from segment_results where run_id = $1 order by customer_id`,
    ),
    clusters: await read(
      "select row(cluster_no, size, centroid_raw, centroid, profile, label)::text as t from clusters where run_id = $1 order by cluster_no",
    ),
    assignments: await read(
      "select row(loan_id, cluster_no)::text as t from cluster_assignments where run_id = $1 order by loan_id",
    ),
    groups: await read(
      "select row(group_key, industry, region, risk_level, project_count, loan_amount_fen, signal_rate, profile)::text as t from project_groups where run_id = $1 order by group_key",
    ),
    warnings: await read(
      "select row(group_key, level, signal_rate, previous_signal_rate, reason)::text as t from early_warnings where run_id = $1 order by group_key, level",
    ),
  };
}

describeEachDb("segment runs", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createSeededWorld(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("runs over the demo world, storing every result with progress, inputs and a verifiable checksum", async () => {
    const [batch] = await handle.raw<{ id: string }>(
      `insert into import_batches (kind, period, file_name, checksum, status, committed_at) values ('loans', $1, 'loans-2025.csv', $2, 'committed', now()) returning id::text as id`,
      [TEST_PERIOD, "ab".repeat(32)],
    );
    await handle.raw(
      `insert into import_batches (kind, period, file_name, checksum, status) values ('loans', $1, 'rejected.csv', $2, 'rejected')`,
      [TEST_PERIOD, "cd".repeat(32)],
    );
    // The run compares with the period's current run, if an earlier test left one.
    const [previous] = await handle.raw<{ id: number }>("select id from segment_runs where is_current");
    const progress: RunProgress[] = [];
    const { run, completion } = await startRun(handle, {
      actor: ACTORS.risk,
      period: TEST_PERIOD,
      onProgress: (p) => progress.push(p),
    });
    expect(run).toMatchObject({ period: TEST_PERIOD, status: "queued", policyVersion: 1, isCurrent: false });
    const outcome = await completion;
    expect(outcome.status).toBe("succeeded");

    const stored = await getRun(handle, { runId: run.id });
    expect(stored).toMatchObject({
      status: "succeeded",
      isCurrent: true,
      progressPct: 100,
      stage: "done",
      error: null,
      seed: 0,
    });
    expect(stored.codeVersion).toMatch(/^0\.1\.0/);
    const [counts] = await handle.raw<{
      customers: number;
      active: number;
      loans: number;
      results: number;
      assigned: number;
      clusters: number;
      groups: number;
      projects_grouped: number;
    }>(
      `select (select count(*) from customers)::int as customers,
              (select count(*) from customers c where exists (select 1 from loans l where l.customer_id = c.customer_id) or exists (select 1 from deposits d where d.customer_id = c.customer_id)
                 or exists (select 1 from fee_income f where f.customer_id = c.customer_id) or exists (select 1 from projects p where p.customer_id = c.customer_id))::int as active,
              (select count(*) from loans)::int as loans,
              (select count(*) from segment_results where run_id = $1)::int as results,
              (select count(*) from cluster_assignments where run_id = $1)::int as assigned,
              (select count(*) from clusters where run_id = $1)::int as clusters,
              (select count(*) from project_groups where run_id = $1)::int as groups,
              (select coalesce(sum(project_count), 0) from project_groups where run_id = $1)::int as projects_grouped`,
      [run.id],
    );
    expect(counts!.results).toBe(counts!.active);
    expect(counts!.assigned).toBe(counts!.loans);
    expect(counts!.clusters).toBeGreaterThanOrEqual(2);
    expect(counts!.projects_grouped).toBe(stored.inputs.counts.projects);
    expect(stored.inputs).toMatchObject({
      counts: { customers: counts!.active, loans: counts!.loans },
      previousRunId: previous?.id ?? null,
      overrideIds: [],
    });
    expect(stored.inputs.dataChecksum).toMatch(/^[0-9a-f]{64}$/);
    // Only committed batches are inputs.
    expect(stored.inputs.batches).toEqual([
      expect.objectContaining({ id: batch!.id, kind: "loans", fileName: "loans-2025.csv", checksum: "ab".repeat(32) }),
    ]);

    // Contribution breakdown adds up on every stored row, and the summary's total is their sum.
    const [sums] = await handle.raw<{ mismatches: number; total: string }>(
      "select count(*) filter (where contribution_fen <> deposit_contribution_fen + loan_contribution_fen + fee_income_fen)::int as mismatches, sum(contribution_fen)::text as total from segment_results where run_id = $1",
      [run.id],
    );
    expect(sums!.mismatches).toBe(0);
    expect((stored.summary as { totalContributionFen: string }).totalContributionFen).toBe(sums!.total);

    const stages = progress.map((p) => p.stage);
    expect(stages[0]).toBe("loading");
    expect(stages.at(-1)).toBe("done");
    expect(progress.map((p) => p.progressPct)).toEqual([...progress.map((p) => p.progressPct)].sort((a, b) => a - b));
    // Segmenting moves restart by restart, from 0 to every planned k-means restart, not in one jump.
    const segmenting = progress.filter((p) => p.stage === "segmenting");
    const [loanCount] = await handle.raw<{ n: number }>("select count(*)::int as n from loans where period = $1", [
      TEST_PERIOD,
    ]);
    const planned = plannedKMeansRestarts(loanCount!.n, DEFAULT_POLICY.clustering);
    expect(planned).toBeGreaterThan(1);
    expect(segmenting.map((p) => p.steps?.done)).toEqual(Array.from({ length: planned + 1 }, (_, i) => i));
    expect(new Set(segmenting.map((p) => p.steps?.total))).toEqual(new Set([planned]));
    expect(new Set(segmenting.map((p) => p.progressPct)).size).toBeGreaterThan(2);
    expect(stored).toMatchObject({ stageStepsDone: null, stageStepsTotal: null });
    expect(await verifyRunChecksum(handle, { runId: run.id })).toMatchObject({
      isMatch: true,
      stored: outcome.status === "succeeded" ? outcome.resultChecksum : null,
    });
  });

  it("gives byte-identical stored results and the same checksum when run again on the same inputs", async () => {
    // An earlier run of its own, so `second` and `third` both compare with an identical run whatever ran before.
    const first = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
    const second = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
    const third = await (await startRun(handle, { actor: ACTORS.risk2, period: TEST_PERIOD })).completion;
    expect(second.status).toBe("succeeded");
    expect(third.status).toBe("succeeded");
    const [secondRun, thirdRun] = await Promise.all([
      getRun(handle, { runId: second.runId }),
      getRun(handle, { runId: third.runId }),
    ]);
    // Both read the same data and compared with an identical earlier run.
    expect(thirdRun.inputs.dataChecksum).toBe(secondRun.inputs.dataChecksum);
    expect(secondRun.resultChecksum).toBe(thirdRun.resultChecksum);
    expect(await storedRows(handle, third.runId)).toEqual(await storedRows(handle, second.runId));
    // The per-customer results do not depend on the previous run at all: the first run's are identical too.
    expect((await storedRows(handle, first.runId)).results).toEqual((await storedRows(handle, third.runId)).results);
    // A different seed is a different input: the run records it.
    const reseeded = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD, seed: 99 })).completion;
    expect((await getRun(handle, { runId: reseeded.runId })).seed).toBe(99);
    const runs = await listRuns(handle, { period: TEST_PERIOD });
    expect(runs.filter((r) => r.isCurrent).map((r) => r.id)).toEqual([reseeded.runId]);
  });

  it("refuses a second start for the same period while a run is active, with a clear message", async () => {
    const attempts = await Promise.allSettled([
      startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD }),
      startRun(handle, { actor: ACTORS.risk2, period: TEST_PERIOD }),
    ]);
    const started = attempts.filter(
      (a): a is PromiseFulfilledResult<Awaited<ReturnType<typeof startRun>>> => a.status === "fulfilled",
    );
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(EngineError);
    expect(refused[0]!.reason).toMatchObject({ code: "RUN_ALREADY_ACTIVE" });
    expect((refused[0]!.reason as Error).message).toMatch(
      new RegExp(`period ${TEST_PERIOD} is already (queued|running) \\(run ${started[0]!.value.run.id}\\)`),
    );
    expect((await started[0]!.value.completion).status).toBe("succeeded");
    // Once it finished, the period can be run again.
    expect((await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion).status).toBe(
      "succeeded",
    );
  });

  it("marks a run failed with the reason and keeps the previous run current", async () => {
    const [current] = await handle.raw<{ id: number }>("select id from segment_runs where is_current");
    const outcome = await (await startRun(handle, { actor: ACTORS.risk, period: "1999" })).completion;
    expect(outcome).toMatchObject({ status: "failed" });
    const failed = await getRun(handle, { runId: outcome.runId });
    expect(failed).toMatchObject({ status: "failed", isCurrent: false, stage: "failed" });
    expect(failed.error).toMatch(/Period 1999 has no customers/);
    expect(failed.failure).toEqual({ code: "no_data", params: { period: "1999" } });
    const [after] = await handle.raw<{ id: number }>("select id from segment_runs where is_current");
    expect(after?.id).toBe(current?.id);
  });

  it("judges runs of workers on other hosts by their heartbeat", async () => {
    const insert = (period: string, minutesAgo: number) =>
      handle
        .raw<{ id: number }>(
          `insert into segment_runs (period, policy_version, status, code_version, worker, heartbeat_at) values ($1, 1, 'running', 'x', '4242@another-host', now() - make_interval(mins => $2)) returning id`,
          [period, minutesAgo],
        )
        .then((rows) => rows[0]!.id);
    const stale = await insert("2023", 60);
    const fresh = await insert("2024", 1);
    await listRuns(handle);
    expect(await getRun(handle, { runId: stale })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/no heartbeat for over 15 minutes/),
      failure: { code: "heartbeat_lost", params: { minutes: 15 } },
    });
    expect((await getRun(handle, { runId: fresh })).status).toBe("running");
    await expect(startRun(handle, { actor: ACTORS.risk, period: "2024" })).rejects.toMatchObject({
      code: "RUN_ALREADY_ACTIVE",
    });
    await handle.raw("update segment_runs set status = 'failed' where id = $1", [fresh]);
  });

  it("checks the role and the inputs before starting", async () => {
    await expect(startRun(handle, { actor: ACTORS.officer, period: TEST_PERIOD })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(startRun(handle, { actor: ACTORS.risk, period: "2025; drop table x" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD, policyVersion: 42 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD, seed: -1 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
