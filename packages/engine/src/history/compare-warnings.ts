import type { DbHandle } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

export type GroupWarningComparison = {
  groupKey: string;
  /** Share of the group's projects with a default signal, 0..1; null when the group is absent from that run. */
  signalRate: number | null;
  previousSignalRate: number | null;
  /** Warning levels raised (`alert`: above the limit, `watch`: risen past the limit since the previous run). */
  levels: string[];
  previousLevels: string[];
  /** How the group's warning state moved since the previous run. */
  change: "started" | "stopped" | "continues" | "none";
};

/**
 * A run's project groups and early warnings beside the run it compared with (the one recorded in its inputs):
 * each group's signal rate then and now and whether its warning started, stopped or continues.
 */
export async function compareRunWarnings(
  handle: DbHandle,
  args: { runId: number },
): Promise<{ runId: number; previousRunId: number | null; groups: GroupWarningComparison[] }> {
  const [run] = await handle.raw<{ status: string; previous_run_id: number | null }>(
    "select status::text as status, (inputs->>'previousRunId')::int as previous_run_id from segment_runs where id = $1",
    [args.runId],
  );
  if (!run) throw new EngineError("NOT_FOUND", `Segment run ${args.runId} does not exist.`);
  if (run.status !== "succeeded")
    throw new EngineError("CONFLICT", `Segment run ${args.runId} is ${run.status}; it has no warnings to compare.`);
  const read = (runId: number | null) =>
    runId === null
      ? Promise.resolve([])
      : handle.raw<{ group_key: string; signal_rate: number; levels: string[] | null }>(
          `select g.group_key, g.signal_rate, (select jsonb_agg(w.level order by w.level) from early_warnings w where w.run_id = g.run_id and w.group_key = g.group_key) as levels
             from project_groups g where g.run_id = $1 order by g.group_key`,
          [runId],
        );
  const [now, before] = await Promise.all([read(args.runId), read(run.previous_run_id)]);
  const beforeByKey = new Map(before.map((g) => [g.group_key, g]));
  const nowByKey = new Map(now.map((g) => [g.group_key, g]));
  const keys = [...new Set([...nowByKey.keys(), ...beforeByKey.keys()])].sort();
  const groups = keys.map((groupKey): GroupWarningComparison => {
    const current = nowByKey.get(groupKey);
    const previous = beforeByKey.get(groupKey);
    const levels = current?.levels ?? [];
    const previousLevels = previous?.levels ?? [];
    const change =
      levels.length > 0
        ? previousLevels.length > 0
          ? "continues"
          : "started"
        : previousLevels.length > 0
          ? "stopped"
          : "none";
    return {
      groupKey,
      signalRate: current?.signal_rate ?? null,
      previousSignalRate: previous?.signal_rate ?? null,
      levels,
      previousLevels,
      change,
    };
  });
  return { runId: args.runId, previousRunId: run.previous_run_id, groups };
}
