import { schema } from "@creditseg/db";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { decodeIdCursor, toPage } from "../../queries/cursor";
import { notFound } from "../errors";
import { listPoliciesInput, policyByVersionInput } from "../schemas/policy";
import { createTRPCRouter, permissionProcedure } from "../trpc";
import { z } from "zod";

const p = schema.policies;
const listColumns = {
  version: p.version,
  name: p.name,
  status: p.status,
  basedOnVersion: p.basedOnVersion,
  effectiveFrom: p.effectiveFrom,
  changeNote: p.changeNote,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
  submittedBy: p.submittedBy,
  submittedAt: p.submittedAt,
  decidedBy: p.decidedBy,
  decidedAt: p.decidedAt,
  retiredAt: p.retiredAt,
};

export const policyRouter = createTRPCRouter({
  /** Policy versions, newest first, without their documents. */
  list: permissionProcedure("policy.read")
    .input(listPoliciesInput)
    .query(async ({ ctx, input }) => {
      const conditions: (SQL | undefined)[] = [];
      if (input.statuses?.length) conditions.push(inArray(p.status, input.statuses));
      if (input.cursor) conditions.push(lt(p.version, decodeIdCursor(input.cursor)));
      const rows = await ctx.db
        .select(listColumns)
        .from(p)
        .where(and(...conditions))
        .orderBy(desc(p.version))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: null, id: String(row.version) }));
    }),

  /** One version with its document. */
  byVersion: permissionProcedure("policy.read")
    .input(policyByVersionInput)
    .query(async ({ ctx, input }) => {
      const [policy] = await ctx.db.select().from(p).where(eq(p.version, input.version)).limit(1);
      if (!policy) throw notFound("POLICY_NOT_FOUND", "The policy version");
      return policy;
    }),

  /** The active version with its document; null before any policy is approved. */
  active: permissionProcedure("policy.read")
    .input(z.object({}).strict().optional())
    .query(async ({ ctx }) => {
      const [policy] = await ctx.db.select().from(p).where(eq(p.status, "active")).limit(1);
      return policy ?? null;
    }),
});
