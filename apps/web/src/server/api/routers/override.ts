import { schema } from "@creditseg/db";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { approveOverride, confirmSegment, proposeOverride, rejectOverride } from "@creditseg/engine";
import { decodeIdCursor, toPage } from "../../queries/cursor";
import { callDomain } from "../domain-errors";
import {
  approveOverrideInput,
  confirmSegmentInput,
  listOverridesInput,
  overrideOutput,
  proposeOverrideInput,
  rejectOverrideInput,
} from "../schemas/override";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { actorOf } from "./actor-of";

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

  /**
   * A credit officer proposes another tier or grade for one of their own customers; another officer's customer is
   * CUSTOMER_NOT_FOUND, exactly like a missing one. The engine audits each step in the same transaction.
   */
  propose: permissionProcedure("override.propose")
    .input(proposeOverrideInput)
    .output(overrideOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => proposeOverride(ctx.handle, { actor: actorOf(ctx), ...input }), "CUSTOMER_NOT_FOUND"),
    ),

  /** A credit officer confirms the computed tier or grade of their own customer (recorded, changes nothing). */
  confirm: permissionProcedure("override.propose")
    .input(confirmSegmentInput)
    .output(overrideOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => confirmSegment(ctx.handle, { actor: actorOf(ctx), ...input }), "CUSTOMER_NOT_FOUND"),
    ),

  /** A risk manager other than the proposer approves a proposal until `expiresOn`; the proposer gets SELF_APPROVAL. */
  approve: permissionProcedure("override.decide")
    .input(approveOverrideInput)
    .output(overrideOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => approveOverride(ctx.handle, { actor: actorOf(ctx), ...input }), "OVERRIDE_NOT_FOUND"),
    ),

  /** A risk manager other than the proposer rejects a proposal, saying why. */
  reject: permissionProcedure("override.decide")
    .input(rejectOverrideInput)
    .output(overrideOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => rejectOverride(ctx.handle, { actor: actorOf(ctx), ...input }), "OVERRIDE_NOT_FOUND"),
    ),
});
