import { listOverrideRows } from "@creditseg/db";
import { approveOverride, confirmSegment, proposeOverride, rejectOverride } from "@creditseg/engine";
import { decodeIdCursor, toPage } from "../paging";
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

export const overrideRouter = createTRPCRouter({
  /** Overrides (the review queue), newest first; officers see those on their own customers. */
  list: permissionProcedure("customer.read")
    .input(listOverridesInput)
    .query(async ({ ctx, input }) => {
      const rows = await listOverrideRows(ctx.db, {
        scope: customerScopeOf(ctx.user),
        statuses: input.statuses,
        customerId: input.customerId,
        beforeId: input.cursor ? decodeIdCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      });
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
