import type { FtpCurveSource } from "@creditseg/core";
import type { RunStatus } from "@creditseg/core/constants";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";
import { markDeadRuns } from "./mark-dead-runs";
import type { RunFailure } from "./run-failure";

/** A segment run's row without the per-customer results. */
export type SegmentRun = {
  id: number;
  period: string;
  policyVersion: number;
  status: RunStatus;
  seed: number;
  codeVersion: string;
  stage: string | null;
  progressPct: number;
  /** Steps of the current stage done and planned (k-means restarts while segmenting); null when it counts none. */
  stageStepsDone: number | null;
  stageStepsTotal: number | null;
  /** Operators' detail of a failure; users read `failure`. */
  error: string | null;
  /** Why the run failed, as a code with parameters; null unless it failed. */
  failure: RunFailure | null;
  isCurrent: boolean;
  resultChecksum: string | null;
  startedBy: string | null;
  /** The display name of the user who started the run (null for a run started by the CLI or the seed). */
  startedByName: string | null;
  worker: string | null;
  heartbeatAt: Date | null;
  /** The risk manager who cancelled the run (then failed), or null. */
  cancelledBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The bank date (YYYY-MM-DD) the run judged overrides on; null while it runs or for runs stored before it was recorded. */
  asOfDate: string | null;
  /** Which FTP curve priced the run, per side; null while it runs. */
  ftpSource: FtpCurveSource | null;
};

/** A run with what it read (inputs) and its stored portfolio summary. */
export type SegmentRunDetail = SegmentRun & { inputs: RunInputs; summary: unknown };

/** What a run read, so that running it again can be shown to read the same. */
export type RunInputs = {
  /** Committed import batches of the period (id, kind, checksum), in id order. */
  batches: { id: string; kind: string; fileName: string; checksum: string; committedAt: string | null }[];
  /** SHA-256 over every record read, in reading order. */
  dataChecksum: string;
  counts: { customers: number; loans: number; deposits: number; fees: number; projects: number };
  /** The run compared with (migrations, signal-rate rises, cluster matching), if any. */
  previousRunId: number | null;
  /** Approved, unexpired overrides carried into the results. */
  overrideIds: number[];
  /** The day overrides were judged unexpired on (YYYY-MM-DD). */
  asOf: string;
};

type RunRow = {
  id: number;
  period: string;
  policy_version: number;
  status: RunStatus;
  seed: number;
  code_version: string;
  stage: string | null;
  progress_pct: number;
  stage_steps_done: number | null;
  stage_steps_total: number | null;
  error: string | null;
  failure: RunFailure | null;
  is_current: boolean;
  result_checksum: string | null;
  started_by: string | null;
  started_by_name: string | null;
  worker: string | null;
  heartbeat_at: Date | null;
  cancelled_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  as_of_date: string | null;
  ftp_source: FtpCurveSource | null;
  inputs?: RunInputs;
  summary?: unknown;
};

const RUN_COLUMNS = `id, period, policy_version, status::text as status, seed, code_version, stage, progress_pct, stage_steps_done, stage_steps_total, error, failure, is_current, result_checksum,
  started_by, (select u.name from users u where u.id = started_by) as started_by_name, worker, heartbeat_at, cancelled_by, created_at, started_at, finished_at, as_of_date::text as as_of_date, ftp_source`;

function toRun(row: RunRow): SegmentRun {
  return {
    id: row.id,
    period: row.period,
    policyVersion: row.policy_version,
    status: row.status,
    seed: row.seed,
    codeVersion: row.code_version,
    stage: row.stage,
    progressPct: row.progress_pct,
    stageStepsDone: row.stage_steps_done,
    stageStepsTotal: row.stage_steps_total,
    error: row.error,
    failure: row.failure,
    isCurrent: row.is_current,
    resultChecksum: row.result_checksum,
    startedBy: row.started_by,
    startedByName: row.started_by_name,
    worker: row.worker,
    heartbeatAt: row.heartbeat_at,
    cancelledBy: row.cancelled_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    asOfDate: row.as_of_date,
    ftpSource: row.ftp_source,
  };
}

export async function readRun(raw: RawQuery, runId: number): Promise<SegmentRunDetail> {
  const [row] = await raw<RunRow>(`select ${RUN_COLUMNS}, inputs, summary from segment_runs where id = $1`, [runId]);
  if (!row) throw new EngineError("NOT_FOUND", `Segment run ${runId} does not exist.`);
  return { ...toRun(row), inputs: row.inputs!, summary: row.summary ?? null };
}

/**
 * Runs, newest first (optionally of one period / some statuses). Runs whose worker died are marked failed first,
 * so a list never shows a dead run as running.
 */
export async function listRuns(
  handle: DbHandle,
  args: { period?: string; statuses?: readonly RunStatus[]; limit?: number } = {},
): Promise<SegmentRun[]> {
  await markDeadRuns(handle);
  const rows = await handle.raw<RunRow>(
    `select ${RUN_COLUMNS} from segment_runs
      where ($1::text is null or period = $1) and ($2::text::jsonb is null or status::text in (select jsonb_array_elements_text($2::text::jsonb)))
      order by id desc limit $3`,
    [args.period ?? null, args.statuses?.length ? JSON.stringify(args.statuses) : null, args.limit ?? 100],
  );
  return rows.map(toRun);
}

/** One run with its inputs and summary; NOT_FOUND when it does not exist. Marks a dead worker's run failed first. */
export async function getRun(handle: DbHandle, args: { runId: number }): Promise<SegmentRunDetail> {
  await markDeadRuns(handle);
  return readRun(handle.raw, args.runId);
}

/** The current run of a period (or of the latest period with one); null before the first successful run. */
export async function findCurrentRun(raw: RawQuery, args: { period?: string } = {}): Promise<SegmentRun | null> {
  const [row] = await raw<RunRow>(
    `select ${RUN_COLUMNS} from segment_runs where is_current and ($1::text is null or period = $1) order by period desc limit 1`,
    [args.period ?? null],
  );
  return row ? toRun(row) : null;
}
