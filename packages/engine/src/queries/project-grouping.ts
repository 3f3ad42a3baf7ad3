import { groupProjects, parsePolicy, type PreviousProjectGroup, type ProjectGrouping } from "@creditseg/core";
import {
  findRunGroupingBasis,
  listOfficerProjectsOfRun,
  listProjectGroupHistory,
  listRunEarlyWarnings,
  listRunProjectGroups,
  officerOf,
  type CustomerScope,
  type DbHandle,
  type EarlyWarningRow,
  type ProjectGroupRow,
} from "@creditseg/db";
import { EngineError } from "../errors/engine-error";
import { toJsonText } from "../json";
import { WARNING_LEVELS, warningReason } from "../runs/warning-reason";

/**
 * Project groups (项目群体) and early warnings of a run, in a caller's scope.
 *
 * The whole bank reads what the run stored. A credit officer reads the same groups computed over their own
 * projects only (projects of the run's period sponsored by customers the run attributed to them), by core's
 * `groupProjects` with the run's policy limits and, for rises, the officer's projects of the compared run: a
 * group's figures, warnings and trend never include another officer's projects, and groups without any of the
 * officer's projects are not listed. The figures come from the projects as the run stored them (project_results),
 * so an amend import after the run changes nothing here.
 */
export type RunProjectGrouping = { groups: ProjectGroupRow[]; warnings: EarlyWarningRow[] };

/** A core percent with two decimals ("12.50") as the stored share of 1 (0.125). */
const toShare = (pct: string | null): number | null => (pct === null ? null : Number(pct) / 100);

async function readBasis(handle: DbHandle, runId: number) {
  const basis = await findRunGroupingBasis(handle.db, { runId });
  if (!basis) throw new EngineError("NOT_FOUND", `Segment run ${runId} does not exist.`);
  if (basis.status !== "succeeded")
    throw new EngineError("CONFLICT", `Segment run ${runId} is ${basis.status}; it has no project groups.`);
  return basis;
}

/** Core's grouping of an officer's projects in a run, with the officer's previous-run counts for rises. */
async function groupOfficerProjects(
  handle: DbHandle,
  runId: number,
  officer: string,
  withPrevious: boolean,
): Promise<{ grouping: ProjectGrouping; finishedAt: Date | null; previousRunId: number | null }> {
  const basis = await readBasis(handle, runId);
  const parsed = parsePolicy(basis.policyDocument);
  if (!parsed.ok) throw new EngineError("INVALID_POLICY", `The policy of segment run ${runId} does not validate.`);
  const projects = await listOfficerProjectsOfRun(handle.db, { runId, officer });
  let previous: PreviousProjectGroup[] | undefined;
  if (withPrevious && basis.previousRunId !== null) {
    const before = await groupOfficerProjects(handle, basis.previousRunId, officer, false);
    previous = before.grouping.groups.map((g) => ({
      key: g.key,
      signalCount: g.signalCount,
      projectCount: g.projectCount,
    }));
  }
  return {
    grouping: groupProjects(projects, parsed.policy.warnings, previous),
    finishedAt: basis.finishedAt,
    previousRunId: basis.previousRunId,
  };
}

/** Core's grouping in the stored rows' shape, so both scopes answer alike. */
function toRows(runId: number, grouping: ProjectGrouping, finishedAt: Date | null): RunProjectGrouping {
  const groups = grouping.groups.map((g): ProjectGroupRow => ({
    runId,
    groupKey: g.key,
    industry: g.industry,
    region: g.region,
    riskLevel: g.riskLevel,
    projectCount: g.projectCount,
    loanAmountFen: g.loanAmountFen,
    signalRate: toShare(g.signalRatePct) ?? 0,
    profile: JSON.parse(toJsonText(g)) as unknown,
  }));
  const byKey = new Map(grouping.groups.map((g) => [g.key, g]));
  const warnings = grouping.warnings.map((w, i): EarlyWarningRow => {
    const group = byKey.get(w.groupKey);
    return {
      id: i + 1,
      runId,
      groupKey: w.groupKey,
      level: WARNING_LEVELS[w.kind],
      signalRate: toShare(w.signalRatePct) ?? 0,
      previousSignalRate: toShare(group?.previousSignalRatePct ?? null),
      reason: warningReason(w),
      createdAt: finishedAt ?? new Date(0),
    };
  });
  const order = <T extends { signalRate: number }>(a: T, b: T) => b.signalRate - a.signalRate;
  return {
    groups: groups.sort((a, b) => order(a, b) || a.groupKey.localeCompare(b.groupKey)),
    warnings: warnings.sort(order),
  };
}

/** A run's project groups and warnings in the caller's scope (see the type's note). */
export async function readProjectGrouping(
  handle: DbHandle,
  args: { runId: number; scope: CustomerScope },
): Promise<RunProjectGrouping> {
  const officer = officerOf(args.scope);
  if (officer === null) {
    const [groups, warnings] = await Promise.all([
      listRunProjectGroups(handle.db, { runId: args.runId }),
      listRunEarlyWarnings(handle.db, { runId: args.runId }),
    ]);
    return { groups, warnings };
  }
  const { grouping, finishedAt } = await groupOfficerProjects(handle, args.runId, officer, true);
  return toRows(args.runId, grouping, finishedAt);
}

export type GroupHistoryPoint = {
  runId: number;
  period: string;
  finishedAt: Date | null;
  isCurrent: boolean;
  projectCount: number;
  signalRate: number;
  warningLevels: string[];
};

/** A project group's signal rate in every finished run that holds it, oldest first, in the caller's scope. */
export async function readProjectGroupHistory(
  handle: DbHandle,
  args: { groupKey: string; scope: CustomerScope },
): Promise<GroupHistoryPoint[]> {
  const stored = await listProjectGroupHistory(handle.db, { groupKey: args.groupKey });
  const officer = officerOf(args.scope);
  if (officer === null) return stored;
  const points: GroupHistoryPoint[] = [];
  for (const point of stored) {
    const own = await readProjectGrouping(handle, { runId: point.runId, scope: args.scope });
    const group = own.groups.find((g) => g.groupKey === args.groupKey);
    if (!group) continue;
    const levels = own.warnings.filter((w) => w.groupKey === args.groupKey).map((w) => w.level);
    points.push({
      ...point,
      projectCount: group.projectCount,
      signalRate: group.signalRate,
      warningLevels: [...new Set(levels)].sort(),
    });
  }
  return points;
}

export type GroupWarningChange = {
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

function levelsByGroup(grouping: RunProjectGrouping): Map<string, { signalRate: number; levels: string[] }> {
  const byKey = new Map(grouping.groups.map((g) => [g.groupKey, { signalRate: g.signalRate, levels: [] as string[] }]));
  for (const w of grouping.warnings) byKey.get(w.groupKey)?.levels.push(w.level);
  for (const entry of byKey.values()) entry.levels = [...new Set(entry.levels)].sort();
  return byKey;
}

/**
 * A run's project-group warnings beside the run it compared with (the one recorded in its inputs), in the caller's
 * scope: each group's signal rate then and now and whether its warning started, stopped or continues.
 */
export async function compareGroupWarnings(
  handle: DbHandle,
  args: { runId: number; scope: CustomerScope },
): Promise<{ runId: number; previousRunId: number | null; groups: GroupWarningChange[] }> {
  const basis = await readBasis(handle, args.runId);
  const [now, before] = await Promise.all([
    readProjectGrouping(handle, { runId: args.runId, scope: args.scope }),
    basis.previousRunId === null
      ? Promise.resolve({ groups: [], warnings: [] })
      : readProjectGrouping(handle, { runId: basis.previousRunId, scope: args.scope }),
  ]);
  const nowByKey = levelsByGroup(now);
  const beforeByKey = levelsByGroup(before);
  const keys = [...new Set([...nowByKey.keys(), ...beforeByKey.keys()])].sort();
  const groups = keys.map((groupKey): GroupWarningChange => {
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
      signalRate: current?.signalRate ?? null,
      previousSignalRate: previous?.signalRate ?? null,
      levels,
      previousLevels,
      change,
    };
  });
  return { runId: args.runId, previousRunId: basis.previousRunId, groups };
}
