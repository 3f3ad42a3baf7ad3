import { listRunClusters, resolveRun } from "@creditseg/db";
import { readMigrationCells, readProjectGroupHistory, readProjectGrouping } from "@creditseg/engine";
import { readPortfolioSummaryCached } from "../../cache/portfolio-summary";
import { callDomain } from "../domain-errors";
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
   * The dashboard: counts and balances by effective tier, grade and cluster, NPL by segment, the tier × cluster
   * table and contribution concentration, from the stored results of a run, in the caller's scope.
   */
  summary: permissionProcedure("segment.read")
    .input(summaryInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return null;
      return readPortfolioSummaryCached(ctx.handle, run, customerScopeOf(ctx.user));
    }),

  /** The run's benefit clusters: the fitted model's centroid, profile and label (no customer records). */
  clusters: permissionProcedure("segment.read")
    .input(clustersInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, clusters: [] };
      return { run, clusters: await listRunClusters(ctx.db, { runId: run.id }) };
    }),

  /** Project groups of the run with their signal rates; an officer's are computed over the officer's projects. */
  projectGroups: permissionProcedure("segment.read")
    .input(projectGroupsInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, groups: [] };
      const { groups } = await callDomain(
        () => readProjectGrouping(ctx.handle, { runId: run.id, scope: customerScopeOf(ctx.user) }),
        "RUN_NOT_FOUND",
      );
      return { run, groups };
    }),

  /**
   * A project group's default-signal rate in every finished run that holds it, oldest first, with the warning
   * levels each run raised for it, in the caller's scope: the group's trend beyond the previous run.
   */
  projectGroupHistory: permissionProcedure("segment.read")
    .input(projectGroupHistoryInput)
    .query(async ({ ctx, input }) => ({
      groupKey: input.groupKey,
      points: await callDomain(
        () => readProjectGroupHistory(ctx.handle, { groupKey: input.groupKey, scope: customerScopeOf(ctx.user) }),
        "RUN_NOT_FOUND",
      ),
    })),

  /** Early warnings the run raised; an officer's are raised over the officer's projects. */
  warnings: permissionProcedure("segment.read")
    .input(warningsInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, warnings: [] };
      const { warnings } = await callDomain(
        () => readProjectGrouping(ctx.handle, { runId: run.id, scope: customerScopeOf(ctx.user) }),
        "RUN_NOT_FOUND",
      );
      return { run, warnings };
    }),

  /**
   * Customers moving between effective tiers, grades or clusters from one run to another, in the caller's scope:
   * the engine's comparison, with clusters matched by centroid (cluster numbers are reassigned in every run).
   */
  migration: permissionProcedure("segment.read")
    .input(migrationInput)
    .query(async ({ ctx, input }) => {
      const [from, to] = await Promise.all([
        resolveRun(ctx.db, { runId: input.fromRunId }),
        resolveRun(ctx.db, { runId: input.toRunId }),
      ]);
      if (!from || !to) throw notFound("RUN_NOT_FOUND", "The segment run");
      const cells = await callDomain(
        () => readMigrationCells(ctx.handle, { ...input, scope: customerScopeOf(ctx.user) }),
        "RUN_NOT_FOUND",
      );
      return { from, to, dimension: input.dimension, cells };
    }),
});
