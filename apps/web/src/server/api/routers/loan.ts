import { schema } from "@creditseg/db";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { decodeCursor, toPage } from "../../queries/cursor";
import { listLoansInput, sampleLoansInput } from "../schemas/loan";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { requireRun } from "./run-helpers";

const l = schema.loans;
const c = schema.customers;
const ca = schema.clusterAssignments;

export const loanRouter = createTRPCRouter({
  /** A page of loans ordered by (period, loan id); officers see only their customers' loans. */
  list: permissionProcedure("loan.read")
    .input(listLoansInput)
    .query(async ({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      const run = input.cluster !== undefined ? await requireRun(ctx.db, input) : null;
      const conditions: (SQL | undefined)[] = [];
      if (scope.kind === "officer") conditions.push(eq(c.officer, scope.officerCode));
      if (input.period) conditions.push(eq(l.period, input.period));
      if (input.customerId) conditions.push(eq(l.customerId, input.customerId));
      if (input.classifications?.length) conditions.push(inArray(l.classification, input.classifications));
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor);
        conditions.push(sql`(${l.period}, ${l.loanId}) > (${cursor.value ?? ""}, ${cursor.id})`);
      }
      if (input.cluster !== undefined) {
        if (!run) return { items: [], nextCursor: null };
        conditions.push(eq(l.period, run.period), eq(ca.clusterNo, input.cluster));
      }
      const base = ctx.db
        .select({
          period: l.period,
          loanId: l.loanId,
          customerId: l.customerId,
          customerName: c.name,
          product: l.product,
          amountFen: l.amountFen,
          ratePct: l.ratePct,
          termMonths: l.termMonths,
          startDate: l.startDate,
          maturityDate: l.maturityDate,
          guarantee: l.guarantee,
          classification: l.classification,
          avgDailyBalanceFen: l.avgDailyBalanceFen,
          days: l.days,
        })
        .from(l)
        .innerJoin(c, eq(c.customerId, l.customerId));
      const query = run ? base.innerJoin(ca, and(eq(ca.runId, run.id), eq(ca.loanId, l.loanId))) : base;
      const rows = await query
        .where(and(...conditions))
        .orderBy(asc(l.period), asc(l.loanId))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: row.period, id: row.loanId }));
    }),
  /**
   * A uniform sample of a cluster's loans for the scatter, in the caller's scope: ordered by a hash of the
   * loan id seeded with the run id, so the same run always shows the same sample and no part of the
   * id range is favoured (the first loans by id would be one branch's, or one year's, oldest loans).
   */
  sample: permissionProcedure("loan.read")
    .input(sampleLoansInput)
    .query(async ({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      const run = await requireRun(ctx.db, input);
      if (!run) return { runId: null, cluster: input.cluster, items: [] };
      const items = await ctx.db
        .select({
          loanId: l.loanId,
          customerId: l.customerId,
          ratePct: l.ratePct,
          amountFen: l.amountFen,
          termMonths: l.termMonths,
        })
        .from(ca)
        .innerJoin(l, and(eq(l.period, run.period), eq(l.loanId, ca.loanId)))
        .innerJoin(c, eq(c.customerId, l.customerId))
        .where(
          and(
            eq(ca.runId, run.id),
            eq(ca.clusterNo, input.cluster),
            scope.kind === "officer" ? eq(c.officer, scope.officerCode) : undefined,
          ),
        )
        .orderBy(sql`hashtextextended(${ca.loanId}, ${run.id})`, asc(ca.loanId))
        .limit(input.size);
      return { runId: run.id, cluster: input.cluster, items };
    }),
});
