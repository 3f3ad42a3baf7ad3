import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { earlyWarnings, policies, projectGroups, projectResults, segmentResults, segmentRuns } from "../schema";

/** Bound on groups and warnings a run stores for one read (a bank has tens of industries × regions × levels). */
const MAX_GROUPS = 1_000;
/** Bound on the runs a group's history shows. */
const MAX_HISTORY_RUNS = 200;

export type ProjectGroupRow = typeof projectGroups.$inferSelect;
export type EarlyWarningRow = typeof earlyWarnings.$inferSelect;

/** The project groups a run stored, highest signal rate first. */
export function listRunProjectGroups(db: Db, args: { runId: number }): Promise<ProjectGroupRow[]> {
  return db
    .select()
    .from(projectGroups)
    .where(eq(projectGroups.runId, args.runId))
    .orderBy(desc(projectGroups.signalRate), asc(projectGroups.groupKey))
    .limit(MAX_GROUPS);
}

/** The early warnings a run stored, highest signal rate first. */
export function listRunEarlyWarnings(db: Db, args: { runId: number }): Promise<EarlyWarningRow[]> {
  return db
    .select()
    .from(earlyWarnings)
    .where(eq(earlyWarnings.runId, args.runId))
    .orderBy(desc(earlyWarnings.signalRate), asc(earlyWarnings.id))
    .limit(MAX_GROUPS);
}

/** What grouping a run's projects again needs: its period, policy document, compared run and finish time. */
export async function findRunGroupingBasis(db: Db, args: { runId: number }) {
  const [row] = await db
    .select({
      id: segmentRuns.id,
      period: segmentRuns.period,
      status: segmentRuns.status,
      finishedAt: segmentRuns.finishedAt,
      previousRunId: sql<number | null>`(${segmentRuns.inputs}->>'previousRunId')::int`,
      policyDocument: policies.document,
    })
    .from(segmentRuns)
    .innerJoin(policies, eq(policies.version, segmentRuns.policyVersion))
    .where(eq(segmentRuns.id, args.runId))
    .limit(1);
  return row ?? null;
}

/**
 * The projects a run stored (as it read them) sponsored by customers the run attributed to `officer` (the officer
 * copied into the run's results, so the scope is the one the run saw), in project id order: never today's rows.
 */
export function listOfficerProjectsOfRun(db: Db, args: { runId: number; officer: string }) {
  const pr = projectResults;
  return db
    .select({
      projectId: pr.projectId,
      customerId: pr.customerId,
      name: pr.name,
      industry: pr.industry,
      region: pr.region,
      totalInvestmentFen: pr.totalInvestmentFen,
      loanAmountFen: pr.loanAmountFen,
      riskLevel: pr.riskLevel,
      status: pr.status,
      overdueDays: pr.overdueDays,
      isDowngraded: pr.isDowngraded,
    })
    .from(pr)
    .innerJoin(segmentResults, and(eq(segmentResults.runId, pr.runId), eq(segmentResults.customerId, pr.customerId)))
    .where(and(eq(pr.runId, args.runId), eq(segmentResults.officer, args.officer)))
    .orderBy(asc(pr.projectId));
}

/** The finished runs that stored a project group, oldest period first, with the group's stored rate. */
export function listProjectGroupHistory(db: Db, args: { groupKey: string }) {
  const g = projectGroups;
  const w = earlyWarnings;
  return db
    .select({
      runId: g.runId,
      period: segmentRuns.period,
      finishedAt: segmentRuns.finishedAt,
      isCurrent: segmentRuns.isCurrent,
      projectCount: g.projectCount,
      signalRate: g.signalRate,
      warningLevels: sql<
        string[]
      >`coalesce((select array_agg(distinct ${w.level}::text) from ${w} where ${w.runId} = ${g.runId} and ${w.groupKey} = ${g.groupKey}), '{}')`,
    })
    .from(g)
    .innerJoin(segmentRuns, and(eq(segmentRuns.id, g.runId), eq(segmentRuns.status, "succeeded")))
    .where(eq(g.groupKey, args.groupKey))
    .orderBy(asc(segmentRuns.period), asc(segmentRuns.finishedAt), asc(g.runId))
    .limit(MAX_HISTORY_RUNS);
}
