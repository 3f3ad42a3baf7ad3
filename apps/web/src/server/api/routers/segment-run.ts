import { schema } from "@creditseg/db";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { decodeIdCursor, toPage } from "../../queries/cursor";
import { notFound } from "../errors";
import { periodInput } from "../schemas/common";
import { listRunsInput, runByIdInput } from "../schemas/segment-run";
import { createTRPCRouter, permissionProcedure } from "../trpc";
import { z } from "zod";

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

  /** One run with its progress, inputs and stored summary. */
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
});
