import { findCurrentRunRow } from "@creditseg/db";
import {
  cancelRun,
  compareGroupWarnings,
  compareRuns,
  listRunsPage,
  queueRun,
  readRunForCaller,
} from "@creditseg/engine";
import { z } from "zod";
import { callDomain } from "../domain-errors";
import { decodeIdCursor, toPage } from "../paging";
import { periodInput } from "../schemas/common";
import {
  compareRunsInput,
  listRunsInput,
  runByIdInput,
  runWarningChangesInput,
  startedRunOutput,
  startRunInput,
} from "../schemas/segment-run";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { actorOf } from "./actor-of";

export const segmentRunRouter = createTRPCRouter({
  /** Runs, newest first; a run whose worker died reads failed, never "running". */
  list: permissionProcedure("run.read")
    .input(listRunsInput)
    .query(async ({ ctx, input }) => {
      const rows = await listRunsPage(ctx.handle, {
        period: input.period,
        statuses: input.statuses,
        beforeId: input.cursor ? decodeIdCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: null, id: String(row.id) }));
    }),

  /**
   * One run with its progress: poll it while the run is queued or running. Callers who see every customer get its
   * inputs and stored portfolio summary; an officer gets only the clustering method of the summary (the officer's
   * own figures are segment.summary's).
   */
  byId: permissionProcedure("run.read")
    .input(runByIdInput)
    .query(({ ctx, input }) =>
      callDomain(
        () => readRunForCaller(ctx.handle, { runId: input.runId, scope: customerScopeOf(ctx.user) }),
        "RUN_NOT_FOUND",
      ),
    ),

  /** The current run of a period (or of the latest period), null before the first run. */
  current: permissionProcedure("run.read")
    .input(z.object({ period: periodInput.optional() }))
    .query(({ ctx, input }) => findCurrentRunRow(ctx.db, { period: input.period })),

  /**
   * Queues a run of a period with the active policy (or a named approved version) and returns the queued run at once:
   * a worker executes it (on the embedded database, this server process); poll segmentRun.byId for stage and percent.
   * A second start while one of the period is active is RUN_ALREADY_ACTIVE. The engine audits the start.
   */
  start: permissionProcedure("run.start")
    .input(startRunInput)
    .output(startedRunOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => queueRun(ctx.handle, ctx.jobs, { actor: actorOf(ctx), ...input }), "POLICY_NOT_FOUND"),
    ),

  /**
   * Cancels a queued or running run (risk manager): it reads failed at once, naming who cancelled it, and nothing of
   * it is kept. A run that already finished is CONFLICT. The engine audits the cancellation.
   */
  cancel: permissionProcedure("run.cancel")
    .input(runByIdInput)
    .output(startedRunOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => cancelRun(ctx.handle, { actor: actorOf(ctx), runId: input.runId }), "RUN_NOT_FOUND"),
    ),

  /** Tier, grade and cluster (matched by centroid) migration between two finished runs, in the caller's scope. */
  compare: permissionProcedure("segment.read")
    .input(compareRunsInput)
    .query(({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      return callDomain(
        () => compareRuns(ctx.handle, { ...input, officerCode: scope === "all" ? undefined : scope.officer }),
        "RUN_NOT_FOUND",
      );
    }),

  /** A run's project-group warnings beside the run it compared with, in the caller's scope: which started, stopped or continue. */
  warningChanges: permissionProcedure("segment.read")
    .input(runWarningChangesInput)
    .query(({ ctx, input }) =>
      callDomain(
        () => compareGroupWarnings(ctx.handle, { runId: input.runId, scope: customerScopeOf(ctx.user) }),
        "RUN_NOT_FOUND",
      ),
    ),
});
