import type { DbHandle } from "@creditseg/db";
import { compareGroupWarnings, type GroupWarningChange } from "../queries/project-grouping";

export type GroupWarningComparison = GroupWarningChange;

/**
 * A run's project groups and early warnings beside the run it compared with (the one recorded in its inputs), over
 * the whole bank: each group's signal rate then and now and whether its warning started, stopped or continues.
 */
export function compareRunWarnings(
  handle: DbHandle,
  args: { runId: number },
): Promise<{ runId: number; previousRunId: number | null; groups: GroupWarningComparison[] }> {
  return compareGroupWarnings(handle, { ...args, scope: "all" });
}
