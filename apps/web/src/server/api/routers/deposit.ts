import { listDeposits } from "@creditseg/db";
import { decodeCursor, toPage } from "../paging";
import { listDepositsInput } from "../schemas/loan";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";

export const depositRouter = createTRPCRouter({
  /** A page of deposit accounts ordered by (period, account id); officers see only their customers' accounts. */
  list: permissionProcedure("customer.read")
    .input(listDepositsInput)
    .query(async ({ ctx, input }) => {
      const rows = await listDeposits(ctx.db, {
        scope: customerScopeOf(ctx.user),
        period: input.period,
        customerId: input.customerId,
        after: input.cursor ? decodeCursor(input.cursor) : null,
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: row.period, id: row.accountId }));
    }),
});
