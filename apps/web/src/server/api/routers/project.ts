import { listProjects, resolveRun } from "@creditseg/db";
import { notFound } from "../errors";
import { decodeCursor, toPage } from "../paging";
import { listProjectsInput } from "../schemas/loan";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";

export const projectRouter = createTRPCRouter({
  /**
   * A page of project-finance projects; officers see the projects their customers sponsor. The default-signal
   * filter reads how the period's current run judged each project (no run yet: nothing matches it). A project
   * group found in data (run and group number) lists that group's projects of the run's period; a roll-up group (run
   * and group key) the projects the run counted in it.
   */
  list: permissionProcedure("project.read")
    .input(listProjectsInput)
    .query(async ({ ctx, input }) => {
      const run = input.hasSignal === undefined ? null : await resolveRun(ctx.db, { period: input.period });
      if (input.hasSignal !== undefined && !run) return { items: [], nextCursor: null };
      const groupRun = input.groupRunId === undefined ? null : await resolveRun(ctx.db, { runId: input.groupRunId });
      if (input.groupRunId !== undefined && !groupRun) throw notFound("RUN_NOT_FOUND", "The segment run");
      const rows = await listProjects(ctx.db, {
        scope: customerScopeOf(ctx.user),
        period: input.period,
        customerId: input.customerId,
        industry: input.industry,
        region: input.region,
        riskLevel: input.riskLevel,
        signal: run && input.hasSignal !== undefined ? { run, hasSignal: input.hasSignal } : null,
        foundGroup: groupRun && input.groupNo !== undefined ? { run: groupRun, groupNo: input.groupNo } : null,
        rollUpGroup: groupRun && input.groupKey !== undefined ? { run: groupRun, groupKey: input.groupKey } : null,
        after: input.cursor ? decodeCursor(input.cursor) : null,
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: row.period, id: row.projectId }));
    }),
});
