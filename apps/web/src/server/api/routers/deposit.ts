import { schema } from "@creditseg/db";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { decodeCursor, toPage } from "../../queries/cursor";
import { listDepositsInput } from "../schemas/loan";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";

const d = schema.deposits;
const c = schema.customers;

export const depositRouter = createTRPCRouter({
  /** A page of deposit accounts ordered by (period, account id); officers see only their customers' accounts. */
  list: permissionProcedure("customer.read")
    .input(listDepositsInput)
    .query(async ({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      const conditions: (SQL | undefined)[] = [];
      if (scope.kind === "officer") conditions.push(eq(c.officer, scope.officerCode));
      if (input.period) conditions.push(eq(d.period, input.period));
      if (input.customerId) conditions.push(eq(d.customerId, input.customerId));
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor);
        conditions.push(sql`(${d.period}, ${d.accountId}) > (${cursor.value ?? ""}, ${cursor.id})`);
      }
      const rows = await ctx.db
        .select({
          period: d.period,
          accountId: d.accountId,
          customerId: d.customerId,
          customerName: c.name,
          product: d.product,
          avgDailyBalanceFen: d.avgDailyBalanceFen,
          ratePct: d.ratePct,
          days: d.days,
          termMonths: d.termMonths,
        })
        .from(d)
        .innerJoin(c, eq(c.customerId, d.customerId))
        .where(and(...conditions))
        .orderBy(asc(d.period), asc(d.accountId))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: row.period, id: row.accountId }));
    }),
});
