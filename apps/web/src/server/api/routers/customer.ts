import { customerKeyOf, customerSortKind, listCustomers, resolveRun } from "@creditseg/db";
import { readCustomerDetail, resolveCustomerFilter } from "@creditseg/engine";
import { countCustomersCached, readCustomerFacets } from "../../cache/customer-counts";
import { callDomain } from "../domain-errors";
import { decodeCursor, toPage } from "../paging";
import { customerByIdInput, customerFilterInput, listCustomersInput } from "../schemas/customer";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { actorOf } from "./actor-of";
import { requireCustomerInScope } from "./customer-helpers";
import { requireRun } from "./run-helpers";

export const customerRouter = createTRPCRouter({
  /**
   * A page of customers with their run results; officers see only their own book. A migration or draft selection
   * lists the customers behind that matrix cell.
   */
  list: permissionProcedure("customer.read")
    .input(listCustomersInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      const scope = customerScopeOf(ctx.user);
      const filter = await callDomain(
        () => resolveCustomerFilter(ctx.handle, { input, run, scope, actor: actorOf(ctx) }),
        "RUN_NOT_FOUND",
      );
      const [rows, total] = await Promise.all([
        listCustomers(ctx.db, {
          run,
          scope,
          filter,
          sort: input.sort,
          direction: input.direction,
          limit: input.limit + 1,
          after: input.cursor
            ? decodeCursor(input.cursor, { valueKind: customerSortKind(input.sort, run !== null) })
            : null,
        }),
        input.cursor ? Promise.resolve(null) : countCustomersCached(ctx.db, { run, scope, filter }),
      ]);
      const page = toPage(rows, input.limit, (row) => customerKeyOf(row, input.sort, run !== null));
      return { run, ...page, total };
    }),

  /** The values the list's industry, region and officer filters offer, with counts, within the caller's scope. */
  facets: permissionProcedure("customer.read").query(({ ctx }) =>
    readCustomerFacets(ctx.db, customerScopeOf(ctx.user)),
  ),

  /** How many customers match the filter, within the caller's scope. */
  count: permissionProcedure("customer.read")
    .input(customerFilterInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      const scope = customerScopeOf(ctx.user);
      const filter = await callDomain(
        () => resolveCustomerFilter(ctx.handle, { input, run, scope, actor: actorOf(ctx) }),
        "RUN_NOT_FOUND",
      );
      return { total: await countCustomersCached(ctx.db, { run, scope, filter }) };
    }),

  /** The customer page. Another officer's customer answers NOT_FOUND, exactly like a missing one. */
  byId: permissionProcedure("customer.read")
    .input(customerByIdInput)
    .query(async ({ ctx, input }) => {
      const customer = await requireCustomerInScope(ctx.db, ctx.user, input.customerId);
      const run = await resolveRun(ctx.db, input);
      return readCustomerDetail(ctx.handle, { customer, run });
    }),
});
