import { listLoans, sampleClusterLoans } from "@creditseg/db";
import { decodeCursor, toPage } from "../paging";
import { listLoansInput, sampleLoansInput } from "../schemas/loan";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { requireRun } from "./run-helpers";

export const loanRouter = createTRPCRouter({
  /** A page of loans ordered by (period, loan id); officers see only their customers' loans. */
  list: permissionProcedure("loan.read")
    .input(listLoansInput)
    .query(async ({ ctx, input }) => {
      const run = input.cluster !== undefined ? await requireRun(ctx.db, input) : null;
      if (input.cluster !== undefined && !run) return { items: [], nextCursor: null };
      const rows = await listLoans(ctx.db, {
        scope: customerScopeOf(ctx.user),
        period: input.period,
        customerId: input.customerId,
        classifications: input.classifications,
        cluster: run && input.cluster !== undefined ? { run, clusterNo: input.cluster } : undefined,
        after: input.cursor ? decodeCursor(input.cursor) : null,
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: row.period, id: row.loanId }));
    }),

  /** A uniform, repeatable sample of a cluster's loans for the scatter, in the caller's scope. */
  sample: permissionProcedure("loan.read")
    .input(sampleLoansInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { runId: null, cluster: input.cluster, items: [] };
      const items = await sampleClusterLoans(ctx.db, {
        run,
        clusterNo: input.cluster,
        scope: customerScopeOf(ctx.user),
        size: input.size,
      });
      return { runId: run.id, cluster: input.cluster, items };
    }),
});
