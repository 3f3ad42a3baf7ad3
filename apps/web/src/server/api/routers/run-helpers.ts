import { resolveRun, type Db, type ResolvedRun } from "@creditseg/db";
import { notFound } from "../errors";
import type { RunSelectorInput } from "../schemas/common";

/** Resolves the run a read is about; naming a run that does not exist (or has not finished) is NOT_FOUND. */
export async function requireRun(db: Db, selector: RunSelectorInput): Promise<ResolvedRun | null> {
  const run = await resolveRun(db, selector);
  if (!run && selector.runId !== undefined) throw notFound("RUN_NOT_FOUND", "The segment run");
  return run;
}
