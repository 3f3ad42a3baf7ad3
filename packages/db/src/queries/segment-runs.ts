import type { RunStatus } from "@creditseg/core/constants";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { segmentRuns } from "../schema";

const runs = segmentRuns;

/** Run fields for lists and progress: no per-customer data, no inputs, no summary. */
const RUN_LIST_COLUMNS = {
  id: runs.id,
  period: runs.period,
  policyVersion: runs.policyVersion,
  status: runs.status,
  seed: runs.seed,
  codeVersion: runs.codeVersion,
  stage: runs.stage,
  progressPct: runs.progressPct,
  stageStepsDone: runs.stageStepsDone,
  stageStepsTotal: runs.stageStepsTotal,
  error: runs.error,
  failure: runs.failure,
  isCurrent: runs.isCurrent,
  startedBy: runs.startedBy,
  cancelledBy: runs.cancelledBy,
  createdAt: runs.createdAt,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  resultChecksum: runs.resultChecksum,
  asOfDate: runs.asOfDate,
  ftpSource: runs.ftpSource,
};

export type RunListRow = Pick<typeof runs.$inferSelect, keyof typeof RUN_LIST_COLUMNS>;

/**
 * Runs newest first, `limit` of them after the run `beforeId` (keyset paging on the id). Callers that show a run's
 * status go through the engine, which marks dead workers' runs failed before reading.
 */
export function listRunRows(
  db: Db,
  args: { period?: string; statuses?: readonly RunStatus[]; beforeId?: number; limit: number },
): Promise<RunListRow[]> {
  return db
    .select(RUN_LIST_COLUMNS)
    .from(runs)
    .where(
      and(
        args.period ? eq(runs.period, args.period) : undefined,
        args.statuses?.length ? inArray(runs.status, [...args.statuses]) : undefined,
        args.beforeId !== undefined ? lt(runs.id, args.beforeId) : undefined,
      ),
    )
    .orderBy(desc(runs.id))
    .limit(args.limit);
}

/** The current run of a period (or of the latest period with one), null before the first finished run. */
export async function findCurrentRunRow(db: Db, args: { period?: string }): Promise<RunListRow | null> {
  const [run] = await db
    .select(RUN_LIST_COLUMNS)
    .from(runs)
    .where(and(eq(runs.isCurrent, true), args.period ? eq(runs.period, args.period) : undefined))
    .orderBy(desc(runs.period))
    .limit(1);
  return run ?? null;
}

/** A finished run a read is about, with what reads of its results need. */
export type ResolvedRun = Pick<
  typeof runs.$inferSelect,
  "id" | "period" | "policyVersion" | "finishedAt" | "isCurrent"
>;

/** Which run a read means: a run id, else the current run of a period, else the latest period's current run. */
export type RunSelector = { runId?: number; period?: string };

/**
 * The finished run a read is about: the given run, else the current run of the period, else the latest period's
 * current run. Null when there is none yet (or the id names an unfinished run).
 */
export async function resolveRun(db: Db, selector: RunSelector): Promise<ResolvedRun | null> {
  const where =
    selector.runId !== undefined
      ? and(eq(runs.id, selector.runId), eq(runs.status, "succeeded"))
      : selector.period !== undefined
        ? and(eq(runs.period, selector.period), eq(runs.isCurrent, true))
        : eq(runs.isCurrent, true);
  const [run] = await db
    .select({
      id: runs.id,
      period: runs.period,
      policyVersion: runs.policyVersion,
      finishedAt: runs.finishedAt,
      isCurrent: runs.isCurrent,
    })
    .from(runs)
    .where(where)
    .orderBy(desc(runs.period))
    .limit(1);
  return run ?? null;
}
