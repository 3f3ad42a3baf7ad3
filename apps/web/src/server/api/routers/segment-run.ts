import { schema } from "@creditseg/db";
import { compareRuns, compareRunWarnings, startRun } from "@creditseg/engine";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { decodeIdCursor, toPage } from "../../queries/cursor";
import { trackBackgroundRun } from "../../runs/background-runs";
import { callDomain } from "../domain-errors";
import { notFound } from "../errors";
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

const runs = schema.segmentRuns;

/** Run fields for lists and progress: no per-customer data. */
const runColumns = {
  id: runs.id,
  period: runs.period,
  policyVersion: runs.policyVersion,
  status: runs.status,
  seed: runs.seed,
  codeVersion: runs.codeVersion,
  stage: runs.stage,
  progressPct: runs.progressPct,
  error: runs.error,
  isCurrent: runs.isCurrent,
  startedBy: runs.startedBy,
  createdAt: runs.createdAt,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  resultChecksum: runs.resultChecksum,
};

export const segmentRunRouter = createTRPCRouter({
  /** Runs, newest first. */
  list: permissionProcedure("run.read")
    .input(listRunsInput)
    .query(async ({ ctx, input }) => {
      const conditions: (SQL | undefined)[] = [];
      if (input.period) conditions.push(eq(runs.period, input.period));
      if (input.statuses?.length) conditions.push(inArray(runs.status, input.statuses));
      if (input.cursor) conditions.push(lt(runs.id, decodeIdCursor(input.cursor)));
      const rows = await ctx.db
        .select(runColumns)
        .from(runs)
        .where(and(...conditions))
        .orderBy(desc(runs.id))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: null, id: String(row.id) }));
    }),

  /** One run with its progress, inputs and stored summary: poll it while the run is queued or running. */
  byId: permissionProcedure("run.read")
    .input(runByIdInput)
    .query(async ({ ctx, input }) => {
      const [run] = await ctx.db
        .select({ ...runColumns, inputs: runs.inputs, summary: runs.summary })
        .from(runs)
        .where(eq(runs.id, input.runId))
        .limit(1);
      if (!run) throw notFound("RUN_NOT_FOUND", "The segment run");
      return run;
    }),

  /** The current run of a period (or of the latest period), null before the first run. */
  current: permissionProcedure("run.read")
    .input(z.object({ period: periodInput.optional() }))
    .query(async ({ ctx, input }) => {
      const [run] = await ctx.db
        .select(runColumns)
        .from(runs)
        .where(and(eq(runs.isCurrent, true), input.period ? eq(runs.period, input.period) : undefined))
        .orderBy(desc(runs.period))
        .limit(1);
      return run ?? null;
    }),

  /**
   * Starts a run of a period with the active policy (or a named approved version). It executes in the background in
   * this server process and the call returns the queued run at once; poll segmentRun.byId for stage and percent.
   * A second start while one of the period is active is RUN_ALREADY_ACTIVE. The engine audits the start.
   */
  start: permissionProcedure("run.start")
    .input(startRunInput)
    .output(startedRunOutput)
    .mutation(async ({ ctx, input }) => {
      const started = await callDomain(
        () => startRun(ctx.handle, { actor: actorOf(ctx), ...input }),
        "POLICY_NOT_FOUND",
      );
      trackBackgroundRun(started);
      return started.run;
    }),

  /** Tier, grade and cluster (matched by centroid) migration between two finished runs, in the caller's scope. */
  compare: permissionProcedure("segment.read")
    .input(compareRunsInput)
    .query(({ ctx, input }) => {
      const scope = customerScopeOf(ctx.user);
      return callDomain(
        () =>
          compareRuns(ctx.handle, { ...input, officerCode: scope.kind === "officer" ? scope.officerCode : undefined }),
        "RUN_NOT_FOUND",
      );
    }),

  /** A run's project-group warnings beside the run it compared with: which started, stopped or continue. */
  warningChanges: permissionProcedure("segment.read")
    .input(runWarningChangesInput)
    .query(({ ctx, input }) => callDomain(() => compareRunWarnings(ctx.handle, input), "RUN_NOT_FOUND")),
});
