import type { Db } from "@creditseg/db";
import { schema } from "@creditseg/db";
import { and, desc, eq } from "drizzle-orm";
import type { RunSelectorInput } from "../api/schemas/common";

export type ResolvedRun = {
  id: number;
  period: string;
  policyVersion: number;
  finishedAt: Date | null;
  isCurrent: boolean;
};

const runColumns = {
  id: schema.segmentRuns.id,
  period: schema.segmentRuns.period,
  policyVersion: schema.segmentRuns.policyVersion,
  finishedAt: schema.segmentRuns.finishedAt,
  isCurrent: schema.segmentRuns.isCurrent,
};

/**
 * The finished run a read is about: the given run, else the current run of the period, else the
 * latest period's current run. Null when there is none yet (or the id names an unfinished run).
 */
export async function resolveRun(db: Db, selector: RunSelectorInput): Promise<ResolvedRun | null> {
  const runs = schema.segmentRuns;
  const where =
    selector.runId !== undefined
      ? and(eq(runs.id, selector.runId), eq(runs.status, "succeeded"))
      : selector.period !== undefined
        ? and(eq(runs.period, selector.period), eq(runs.isCurrent, true))
        : eq(runs.isCurrent, true);
  const [run] = await db.select(runColumns).from(runs).where(where).orderBy(desc(runs.period)).limit(1);
  return run ?? null;
}
