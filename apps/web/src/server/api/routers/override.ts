import { schema } from "@creditseg/db";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { decodeIdCursor, toPage } from "../../queries/cursor";
import { listOverridesInput } from "../schemas/override";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";

const o = schema.overrides;
const c = schema.customers;

export const overrideRouter = createTRPCRouter({
  /** Overrides (the review queue), newest first; officers see those on their own customers. */
  list: permissionProcedure("customer.read")
    .input(listOverridesInput)
    .query(async ({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      const conditions: (SQL | undefined)[] = [];
      if (scope.kind === "officer") conditions.push(eq(c.officer, scope.officerCode));
      if (input.statuses?.length) conditions.push(inArray(o.status, input.statuses));
      if (input.customerId) conditions.push(eq(o.customerId, input.customerId));
      if (input.cursor) conditions.push(lt(o.id, decodeIdCursor(input.cursor)));
      const rows = await ctx.db
        .select({
          id: o.id,
          customerId: o.customerId,
          customerName: c.name,
          runId: o.runId,
          field: o.field,
          computedValue: o.computedValue,
          proposedValue: o.proposedValue,
          reasonCode: o.reasonCode,
          comment: o.comment,
          status: o.status,
          proposedBy: o.proposedBy,
          proposedAt: o.proposedAt,
          decidedBy: o.decidedBy,
          decidedAt: o.decidedAt,
          decisionComment: o.decisionComment,
          expiresOn: o.expiresOn,
        })
        .from(o)
        .innerJoin(c, eq(c.customerId, o.customerId))
        .where(and(...conditions))
        .orderBy(desc(o.id))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: null, id: String(row.id) }));
    }),
});
