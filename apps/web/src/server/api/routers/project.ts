import { schema } from "@creditseg/db";
import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import { decodeCursor, toPage } from "../../queries/cursor";
import { listProjectsInput } from "../schemas/loan";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";

const p = schema.projects;
const c = schema.customers;

export const projectRouter = createTRPCRouter({
  /** A page of project-finance projects; officers see the projects their customers sponsor. */
  list: permissionProcedure("project.read")
    .input(listProjectsInput)
    .query(async ({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      const conditions: (SQL | undefined)[] = [];
      if (scope.kind === "officer") conditions.push(eq(c.officer, scope.officerCode));
      if (input.period) conditions.push(eq(p.period, input.period));
      if (input.customerId) conditions.push(eq(p.customerId, input.customerId));
      if (input.industry) conditions.push(eq(p.industry, input.industry));
      if (input.region) conditions.push(eq(p.region, input.region));
      if (input.riskLevel) conditions.push(eq(p.riskLevel, input.riskLevel));
      if (input.hasSignal !== undefined) {
        const signal = or(sql`${p.overdueDays} > 0`, eq(p.isDowngraded, true));
        conditions.push(input.hasSignal ? signal : sql`not (${signal})`);
      }
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor);
        conditions.push(sql`(${p.period}, ${p.projectId}) > (${cursor.value ?? ""}, ${cursor.id})`);
      }
      const rows = await ctx.db
        .select({
          period: p.period,
          projectId: p.projectId,
          customerId: p.customerId,
          name: p.name,
          industry: p.industry,
          region: p.region,
          totalInvestmentFen: p.totalInvestmentFen,
          loanAmountFen: p.loanAmountFen,
          riskLevel: p.riskLevel,
          status: p.status,
          overdueDays: p.overdueDays,
          isDowngraded: p.isDowngraded,
        })
        .from(p)
        .innerJoin(c, eq(c.customerId, p.customerId))
        .where(and(...conditions))
        .orderBy(asc(p.period), asc(p.projectId))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: row.period, id: row.projectId }));
    }),
});
