import { setImmediate as nextTurn } from "node:timers/promises";
import {
  driveFitsWith,
  groupPortfolioOfUsage,
  plannedKMeansRestarts,
  runKMeansPaced,
  stepClusterLoanColumns,
  stepSummariseSegments,
  tallyLoanColumns,
  type KMeansRequest,
  type Policy,
} from "@creditseg/core";
import { withBulkTransaction, type DbHandle, type RawQuery } from "@creditseg/db";
import type { Actor } from "../actor";
import { writeAudit } from "../audit/write-audit";
import { scanPeriod, type PeriodScan } from "../load/scan-period";
import { readActiveOverrides } from "../overrides/active-overrides";
import { expireOverrides } from "../overrides/override-workflow";
import { toJsonText } from "../json";
import { buildResultRows, buildRunSummary } from "./build-result-rows";
import { findPreviousRunId, readPreviousRun } from "./previous-run";
import { computeResultChecksum } from "./result-checksum";
import type { RunInputs } from "./run-queries";
import { bankToday, type Clock } from "../clock";
import { resolvePeriodFtpCurve } from "./ftp-curve-for-period";
import { buildGroupRows } from "../groups/build-group-rows";
import { segmentCustomerPages } from "./segment-customer-pages";
import { readPreviousGroups } from "../groups/read-previous-groups";
import { runFailureError, runFailureOf, type RunFailure } from "./run-failure";
import { storeBankWideSummary } from "../queries/stored-summary";

export type RunStage = "loading" | "segmenting" | "writing" | "done" | "failed";
/** Steps of a stage done and planned: k-means restarts while segmenting. */
export type StageSteps = { done: number; total: number };
export type RunProgress = { runId: number; stage: RunStage; progressPct: number; steps?: StageSteps };
export type RunOutcome =
  | { runId: number; status: "succeeded"; resultChecksum: string; timingsMs: Record<string, number> }
  | { runId: number; status: "failed"; error: string; timingsMs: Record<string, number> };

/**
 * Percent reached at the end of each stage (loading is measured by rows read; writing, which reads each customer's
 * accounts again, prices them and writes their lines page by page, by customers done, then by the rows copied after).
 */
const STAGE_END_PCT = { loading: 30, segmenting: 65, customers: 90, writing: 99 } as const;

type ExecuteArgs = {
  runId: number;
  period: string;
  policy: Policy;
  /** The version `policy` is, for the FTP source `policy:v<N>`. */
  policyVersion: number;
  actor: Actor;
  /** Decides the run's as-of bank date (default now). */
  clock?: Clock;
  onProgress?: (progress: RunProgress) => void;
};

/**
 * Writes stage, percent, the stage's steps (when it counts them) and heartbeat to the run row (at most once per
 * percent and step) and tells the caller.
 */
function createProgressWriter(handle: DbHandle, args: ExecuteArgs) {
  let last = "";
  let isSuspended = false;
  const report = async (stage: RunStage, pct: number, steps?: StageSteps) => {
    const progressPct = Math.max(0, Math.min(100, Math.floor(pct)));
    const key = `${stage}:${progressPct}:${steps?.done ?? ""}/${steps?.total ?? ""}`;
    if (key === last) return;
    last = key;
    args.onProgress?.({ runId: args.runId, stage, progressPct, ...(steps ? { steps } : {}) });
    // PGlite has one connection: while the results transaction holds it, the row is updated when it commits.
    if (isSuspended) return;
    // A missed progress write must not fail the run: the next one (or the final status) corrects the row.
    await handle
      .raw(
        "update segment_runs set stage = $2, progress_pct = $3, stage_steps_done = $4, stage_steps_total = $5, heartbeat_at = now() where id = $1",
        [args.runId, stage, progressPct, steps?.done ?? null, steps?.total ?? null],
      )
      .catch(() => {});
  };
  return { report, suspend: (value: boolean) => (isSuspended = value && handle.kind === "pglite") };
}

async function countRows(raw: RawQuery, period: string): Promise<number> {
  const [row] = await raw<{ n: number }>(
    `select ((select count(*) from loans where period = $1) + (select count(*) from deposits where period = $1)
           + (select count(*) from fee_income where period = $1) + (select count(*) from projects where period = $1))::int as n`,
    [period],
  );
  return row?.n ?? 0;
}

async function readInputs(
  raw: RawQuery,
  data: PeriodScan,
  previousRunId: number | null,
  overrideIds: number[],
  asOf: string,
  ftpBatchIds: readonly string[],
): Promise<RunInputs> {
  const batches = await raw<{
    id: string;
    kind: string;
    fileName: string;
    checksum: string;
    committedAt: string | null;
  }>(
    `select id::text as id, kind::text as kind, file_name as "fileName", checksum, committed_at::text as "committedAt"
       from import_batches
      where status = 'committed' and (period = $1 or kind = 'customers' or (kind = 'ftp' and id::text in (select jsonb_array_elements_text($2::text::jsonb))))
      order by committed_at, id`,
    [data.period, JSON.stringify(ftpBatchIds)],
  );
  return {
    batches,
    dataChecksum: data.dataChecksum,
    counts: {
      customers: data.customers.length,
      loans: data.loans.length,
      deposits: data.depositCount,
      fees: data.feeCount,
      projects: data.projects.length,
    },
    previousRunId,
    overrideIds,
    asOf,
  };
}

/**
 * Executes a queued run in bounded memory: reads the period once in pages keeping customers, projects and the loans'
 * typed columns (see scanPeriod), clusters the loans, then — in ONE transaction — reads each page of customers'
 * accounts again, segments them and writes their lines, runs the portfolio-wide steps over per-customer sums and
 * stores the remaining results, the checksum and the run's new status, which also makes it the period's current run. Any failure marks the
 * run failed with the reason; the previous current run stays current since nothing of this run was committed.
 */
export async function executeRun(handle: DbHandle, args: ExecuteArgs): Promise<RunOutcome> {
  const timingsMs: Record<string, number> = {};
  const progress = createProgressWriter(handle, args);
  let stageStart = performance.now();
  const endStage = (name: string) => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - stageStart);
    stageStart = now;
  };
  const heartbeat = setInterval(() => {
    void handle
      .raw("update segment_runs set heartbeat_at = now() where id = $1 and status = 'running'", [args.runId])
      .catch(() => {});
  }, 30_000);
  heartbeat.unref();
  try {
    const started = await handle.raw(
      "update segment_runs set status = 'running', started_at = coalesce(started_at, now()), stage = 'loading', heartbeat_at = now() where id = $1 and status in ('queued', 'running') returning id",
      [args.runId],
    );
    // Cancelled (or taken for dead) before it began: a finished run never becomes running again.
    if (started.length === 0)
      throw runFailureError(
        { code: "not_started", params: {} },
        "The run was cancelled or had finished before it began.",
      );
    await progress.report("loading", 0);

    // The bank's business date, not the database's current_date (whose zone is the server's).
    const asOf = bankToday(args.clock);
    await expireOverrides(handle, { asOf });
    const totalRows = Math.max(1, await countRows(handle.raw, args.period));
    const doneByKind: Record<string, number> = {};
    let kindStart = performance.now();
    const data = await scanPeriod(handle.raw, args.period, args.policy.clustering.features, (p) => {
      if (p.isDone) {
        const now = performance.now();
        timingsMs[`loading.${p.kind}`] = Math.round(now - kindStart);
        kindStart = now;
      }
      if (p.kind === "customers") return;
      doneByKind[p.kind] = p.rowsRead;
      const done = Object.values(doneByKind).reduce((s, n) => s + n, 0);
      void progress.report("loading", (STAGE_END_PCT.loading * Math.min(done, totalRows)) / totalRows);
    });
    if (data.customers.length === 0)
      throw runFailureError(
        { code: "no_data", params: { period: args.period } },
        `Period ${args.period} has no customers with loans, deposits, fee income or projects; upload its data first.`,
      );
    const previousRunId = await findPreviousRunId(handle.raw, args.period);
    const previous = previousRunId === null ? undefined : await readPreviousRun(handle.raw, previousRunId);
    const previousGroups = previousRunId === null ? undefined : await readPreviousGroups(handle.raw, previousRunId);
    const overrides = await readActiveOverrides(handle.raw, asOf);
    const ftp = await resolvePeriodFtpCurve(handle.raw, {
      period: args.period,
      policy: args.policy,
      policyVersion: args.policyVersion,
    });
    endStage("loading");

    // Segmenting is mostly k-means restarts: progress moves restart by restart, done / planned written to the row.
    const restartsPlanned = plannedKMeansRestarts(data.loans.length, args.policy.clustering);
    let restartsDone = 0;
    const segmentingPct = () =>
      STAGE_END_PCT.loading +
      ((STAGE_END_PCT.segmenting - STAGE_END_PCT.loading) * restartsDone) / Math.max(1, restartsPlanned);
    const reportRestart = () => {
      restartsDone = Math.min(restartsDone + 1, restartsPlanned);
      return progress.report("segmenting", segmentingPct(), { done: restartsDone, total: restartsPlanned });
    };
    await progress.report("segmenting", STAGE_END_PCT.loading, { done: 0, total: restartsPlanned });
    // Runs share the web server's thread: each k-means restart and each stage hands the event loop back, so
    // other users' requests wait for one step (≤ 0.5–2 s at a million loans) instead of the whole run. Same result.
    const fitKMeans = async (request: KMeansRequest) => {
      const fit = await runKMeansPaced({
        ...request,
        pause: async () => {
          await reportRestart();
          await nextTurn();
        },
      });
      await reportRestart();
      return fit;
    };
    const clustering = await driveFitsWith(stepClusterLoanColumns(data.loans, args.policy.clustering), fitKMeans, () =>
      nextTurn(),
    );
    const tallies = tallyLoanColumns(
      data.loans,
      clustering.loanClusters,
      data.customers.length,
      clustering.result?.k ?? 0,
    );
    endStage("segmenting");
    await progress.report("writing", STAGE_END_PCT.segmenting);

    const customerIds = new Set(data.customers.map((c) => c.customerId));
    const applied = [...overrides].filter(([customerId]) => customerIds.has(customerId));
    const overrideIds = applied
      .flatMap(([, o]) => [o.tier?.id, o.grade?.id])
      .filter((id): id is number => id !== undefined)
      .sort((a, b) => a - b);
    const ftpBatchIds = [ftp.source.loan, ftp.source.deposit].flatMap((s) => (s.kind === "upload" ? s.batchIds : []));
    const inputs = await readInputs(handle.raw, data, previousRunId, overrideIds, asOf, ftpBatchIds);

    progress.suspend(true);
    const checksum = await withBulkTransaction(handle, async (session) => {
      let stepStart = performance.now();
      const endStep = (name: string) => {
        const now = performance.now();
        timingsMs[`writing.${name}`] = Math.round(now - stepStart);
        stepStart = now;
      };
      const pass = await segmentCustomerPages({
        session,
        runId: args.runId,
        scan: data,
        clustering,
        tallies,
        policy: args.policy,
        ftpCurve: ftp.curve,
        overrides,
        onPage: (customersDone) =>
          progress.report(
            "writing",
            STAGE_END_PCT.segmenting +
              ((STAGE_END_PCT.customers - STAGE_END_PCT.segmenting) * customersDone) / data.customers.length,
          ),
      });
      endStep("customers");
      const result = await driveFitsWith(
        stepSummariseSegments({
          segments: pass.segments,
          loans: data.loans,
          clustering,
          depositCount: data.depositCount,
          projects: data.projects,
          policy: args.policy,
          previous,
        }),
        fitKMeans,
        () => nextTurn(),
      );
      endStep("portfolio");
      // 客户群体: customer and project groups found in data (k-prototypes), beside the rules-based segments.
      const groups = groupPortfolioOfUsage({
        customers: data.customers,
        usage: pass.usage,
        loans: data.loans,
        projects: data.projects,
        segmented: pass.segments,
        policy: args.policy,
        previous: previousGroups,
      });
      endStep("grouping");
      const tables = [
        ...buildResultRows(
          args.runId,
          {
            projects: data.projects,
            segments: pass.segments,
            depositBalanceFen: pass.depositBalanceFen,
            policy: args.policy,
          },
          result,
        ),
        ...buildGroupRows(args.runId, data, groups),
      ];
      const totalResultRows = Math.max(
        1,
        tables.reduce((s, t) => s + t.count, 0),
      );
      const summary = buildRunSummary(result, { overridesApplied: applied.length, timingsMs });
      let copiedBefore = 0;
      for (const table of tables) {
        const copied = await session.copyRows({
          table: table.table,
          columns: table.columns,
          rows: table.rows(),
          onProgress: (n) =>
            void progress.report(
              "writing",
              STAGE_END_PCT.customers +
                ((STAGE_END_PCT.writing - STAGE_END_PCT.customers) * (copiedBefore + n)) / totalResultRows,
            ),
        });
        copiedBefore += copied;
        endStep(table.table);
      }
      await session.raw(
        "update segment_runs set inputs = $2::text::jsonb, summary = $3::text::jsonb, as_of_date = $4::date, ftp_source = $5::text::jsonb where id = $1",
        [args.runId, toJsonText(inputs), toJsonText(summary), asOf, toJsonText(ftp.source)],
      );
      const resultChecksum = await computeResultChecksum(session.raw, args.runId);
      endStep("checksum");
      await session.raw("update segment_runs set is_current = false where period = $1 and is_current and id <> $2", [
        args.period,
        args.runId,
      ]);
      const finished = await session.raw(
        `update segment_runs set status = 'succeeded', is_current = true, result_checksum = $2, stage = 'done', progress_pct = 100, heartbeat_at = now(), finished_at = now()
          where id = $1 and status = 'running' returning id`,
        [args.runId, resultChecksum],
      );
      if (finished.length === 0)
        throw runFailureError(
          { code: "taken_for_dead", params: {} },
          "The run was marked failed while it was writing its results (taken for dead); its results were not kept.",
        );
      await writeAudit(session.raw, {
        actor: args.actor,
        action: "run.succeeded",
        entityType: "segment_run",
        entityId: args.runId,
        detail: { resultChecksum, customers: data.customers.length },
      });
      return resultChecksum;
    });
    progress.suspend(false);
    endStage("writing");
    // The bank-wide dashboard figures, stored with the run now that its results are committed, so no first visitor
    // waits for them. Derived from the results: if this fails, the first reader computes and stores them instead.
    await storeBankWideSummary(handle, args.runId).catch(() => {});
    endStage("figures");
    // Timings are not part of the checksum: identical runs take different times.
    await handle.raw(
      "update segment_runs set summary = jsonb_set(summary, '{timingsMs}', $2::text::jsonb) where id = $1",
      [args.runId, JSON.stringify(timingsMs)],
    );
    await progress.report("done", 100);
    return { runId: args.runId, status: "succeeded", resultChecksum: checksum, timingsMs };
  } catch (error) {
    progress.suspend(false);
    const message = error instanceof Error ? error.message : String(error);
    await markRunFailed(handle, args, message, runFailureOf(error)).catch(() => {});
    args.onProgress?.({ runId: args.runId, stage: "failed", progressPct: 100 });
    return { runId: args.runId, status: "failed", error: message, timingsMs };
  } finally {
    clearInterval(heartbeat);
  }
}

async function markRunFailed(handle: DbHandle, args: ExecuteArgs, message: string, failure: RunFailure): Promise<void> {
  await withBulkTransaction(handle, async (session) => {
    const rows = await session.raw(
      "update segment_runs set status = 'failed', stage = 'failed', error = $2, failure = $3::text::jsonb, finished_at = now() where id = $1 and status in ('queued', 'running') returning id",
      [args.runId, message.slice(0, 2_000), toJsonText(failure)],
    );
    if (rows.length > 0)
      await writeAudit(session.raw, {
        actor: args.actor,
        action: "run.failed",
        entityType: "segment_run",
        entityId: args.runId,
        detail: { reason: "error" },
      });
  });
}
