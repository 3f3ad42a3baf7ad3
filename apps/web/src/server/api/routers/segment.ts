import { schema } from "@creditseg/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { readPortfolioSummary } from "../../queries/portfolio-summary";
import { resolveRun } from "../../queries/resolve-run";
import { rowsOf } from "../../queries/rows-of";
import { notFound } from "../errors";
import {
  clustersInput,
  migrationInput,
  projectGroupHistoryInput,
  projectGroupsInput,
  summaryInput,
  warningsInput,
} from "../schemas/segment";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { requireRun } from "./run-helpers";

export const segmentRouter = createTRPCRouter({
  /**
   * The dashboard: counts and balances by tier, grade and cluster, NPL by segment, the tier × cluster
   * table and contribution concentration, from the stored results of a run, in the caller's scope.
   */
  summary: permissionProcedure("segment.read")
    .input(summaryInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return null;
      return readPortfolioSummary(ctx.db, run, customerScopeOf(ctx.user));
    }),

  /** The run's benefit clusters: centroid, profile and label (portfolio level). */
  clusters: permissionProcedure("segment.read")
    .input(clustersInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, clusters: [] };
      const clusters = await ctx.db
        .select()
        .from(schema.clusters)
        .where(eq(schema.clusters.runId, run.id))
        .orderBy(asc(schema.clusters.clusterNo));
      return { run, clusters };
    }),

  /** Project groups of the run with their signal rates (portfolio level, read-only for officers). */
  projectGroups: permissionProcedure("segment.read")
    .input(projectGroupsInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, groups: [] };
      const groups = await ctx.db
        .select()
        .from(schema.projectGroups)
        .where(eq(schema.projectGroups.runId, run.id))
        .orderBy(desc(schema.projectGroups.signalRate), asc(schema.projectGroups.groupKey))
        .limit(1000);
      return { run, groups };
    }),

  /**
   * A project group's default-signal rate in every finished run that holds it, oldest first, with the
   * highest warning level each run raised for it: the group's trend beyond the previous run.
   */
  projectGroupHistory: permissionProcedure("segment.read")
    .input(projectGroupHistoryInput)
    .query(async ({ ctx, input }) => {
      const g = schema.projectGroups;
      const runs = schema.segmentRuns;
      const w = schema.earlyWarnings;
      const points = await ctx.db
        .select({
          runId: g.runId,
          period: runs.period,
          finishedAt: runs.finishedAt,
          isCurrent: runs.isCurrent,
          projectCount: g.projectCount,
          signalRate: g.signalRate,
          warningLevels: sql<
            string[]
          >`coalesce((select array_agg(distinct ${w.level}::text) from ${w} where ${w.runId} = ${g.runId} and ${w.groupKey} = ${g.groupKey}), '{}')`,
        })
        .from(g)
        .innerJoin(runs, and(eq(runs.id, g.runId), eq(runs.status, "succeeded")))
        .where(eq(g.groupKey, input.groupKey))
        .orderBy(asc(runs.period), asc(runs.finishedAt), asc(g.runId))
        .limit(200);
      return { groupKey: input.groupKey, points };
    }),

  /** Early warnings the run raised. */
  warnings: permissionProcedure("segment.read")
    .input(warningsInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, warnings: [] };
      const warnings = await ctx.db
        .select()
        .from(schema.earlyWarnings)
        .where(eq(schema.earlyWarnings.runId, run.id))
        .orderBy(desc(schema.earlyWarnings.signalRate), asc(schema.earlyWarnings.id))
        .limit(1000);
      return { run, warnings };
    }),

  /** Customers moving between tiers, grades or clusters from one run to another, counted in the caller's scope. */
  migration: permissionProcedure("segment.read")
    .input(migrationInput)
    .query(async ({ ctx, input }) => {
      const [from, to] = await Promise.all([
        resolveRun(ctx.db, { runId: input.fromRunId }),
        resolveRun(ctx.db, { runId: input.toRunId }),
      ]);
      if (!from || !to) throw notFound("RUN_NOT_FOUND", "The segment run");
      const before = schema.segmentResults;
      const after = sql`segment_results_after`;
      const column = input.dimension === "tier" ? "tier" : input.dimension === "grade" ? "grade" : "cluster";
      const scope = customerScopeOf(ctx.user);
      const officerFilter =
        scope.kind === "officer"
          ? sql`and ${before.officer} = ${scope.officerCode} and ${after}.officer = ${scope.officerCode}`
          : sql``;
      const rows = await ctx.db.execute(sql`
        select ${before}.${sql.identifier(column)}::text as "from", ${after}.${sql.identifier(column)}::text as "to", count(*)::int as customers
        from ${before}
        join ${before} as ${after} on ${after}.customer_id = ${before}.customer_id and ${after}.run_id = ${to.id}
        where ${before}.run_id = ${from.id} ${officerFilter}
        group by 1, 2 order by 1, 2`);
      return {
        from,
        to,
        dimension: input.dimension,
        cells: rowsOf<{ from: string | null; to: string | null; customers: number | string }>(rows).map((row) => ({
          ...row,
          customers: Number(row.customers),
        })),
      };
    }),
});
