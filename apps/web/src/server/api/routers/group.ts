import { resolveRun } from "@creditseg/db";
import {
  listGroupFits,
  readCustomerGroup,
  readCustomerGroups,
  readFoundGroupHistory,
  readFoundProjectGroups,
  readGroupOfCustomer,
} from "@creditseg/engine";
import { notFound } from "../errors";
import {
  customerGroupInput,
  customerGroupsInput,
  foundGroupHistoryInput,
  foundProjectGroupsInput,
  groupOfCustomerInput,
} from "../schemas/group";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { requireCustomerInScope } from "./customer-helpers";
import { requireRun } from "./run-helpers";

/** 客户群体: customer and project groups a run found in data, read as the run stored them, in the caller's scope. */
export const groupRouter = createTRPCRouter({
  /** The run's customer groups (profile, name codes, mixes, NPL, contribution, guidance) and how they were found. */
  customerGroups: permissionProcedure("segment.read")
    .input(customerGroupsInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, fits: [], groups: [] };
      const [fits, groups] = await Promise.all([
        listGroupFits(ctx.handle, { runId: run.id }),
        readCustomerGroups(ctx.handle, { runId: run.id, scope: customerScopeOf(ctx.user) }),
      ]);
      return { run, fits, groups };
    }),

  /** One customer group of a run; an officer without customers in it gets NOT_FOUND, like a missing group. */
  customerGroup: permissionProcedure("segment.read")
    .input(customerGroupInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) throw notFound("RUN_NOT_FOUND", "The segment run");
      const group = await readCustomerGroup(ctx.handle, {
        runId: run.id,
        groupNo: input.groupNo,
        scope: customerScopeOf(ctx.user),
      });
      if (!group) throw notFound("GROUP_NOT_FOUND", "The customer group");
      return { run, group };
    }),

  /** The run's project groups found in data, with their group-level early warnings and lineage to the previous run. */
  projectGroups: permissionProcedure("segment.read")
    .input(foundProjectGroupsInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, input);
      if (!run) return { run: null, groups: [] };
      return {
        run,
        groups: await readFoundProjectGroups(ctx.handle, { runId: run.id, scope: customerScopeOf(ctx.user) }),
      };
    }),

  /** A found project group's signal rate back through the runs it was matched in, oldest first. */
  projectGroupHistory: permissionProcedure("segment.read")
    .input(foundGroupHistoryInput)
    .query(async ({ ctx, input }) => {
      const run = await requireRun(ctx.db, { runId: input.runId });
      if (!run) throw notFound("RUN_NOT_FOUND", "The segment run");
      return {
        points: await readFoundGroupHistory(ctx.handle, { ...input, scope: customerScopeOf(ctx.user) }),
      };
    }),

  /** The customer group a customer is in (with the guidance it brings); another officer's customer is NOT_FOUND. */
  ofCustomer: permissionProcedure("customer.read")
    .input(groupOfCustomerInput)
    .query(async ({ ctx, input }) => {
      await requireCustomerInScope(ctx.db, ctx.user, input.customerId);
      const run = await resolveRun(ctx.db, input);
      if (!run) return { run: null, group: null };
      return { run, group: await readGroupOfCustomer(ctx.handle, { runId: run.id, customerId: input.customerId }) };
    }),
});
