import {
  EXPORT_FAILURE_CODES,
  queueCustomerExport,
  readCustomerExport,
  type CustomerExportJob,
} from "@creditseg/engine";
import { z } from "zod";
import { callDomain } from "../domain-errors";
import { appError } from "../errors";
import { exportCustomersInput } from "../schemas/customer";
import { createTRPCRouter, customerScopeOf, permissionProcedure } from "../trpc";
import { actorOf } from "./actor-of";

/** An export as its owner follows it: rows written of the rows selected, then the file to download, or why it failed. */
const exportJobOutput = z.object({
  id: z.string(),
  format: z.enum(["csv", "xlsx"]),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  rowsWritten: z.number(),
  totalRows: z.number().nullable(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  /** Why it failed, as a code with parameters the page renders in the reader's language. */
  failure: z
    .object({ code: z.enum(EXPORT_FAILURE_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
  /** Where the file downloads from once written (any instance serves it). */
  downloadUrl: z.string().nullable(),
});

function toExportJobOutput(job: CustomerExportJob): z.infer<typeof exportJobOutput> {
  const { id, format, status, rowsWritten, totalRows, fileName, size, failure } = job;
  return {
    id,
    format,
    status,
    rowsWritten,
    totalRows,
    fileName,
    size,
    failure,
    downloadUrl: status === "succeeded" ? `/api/export/jobs/${id}` : null,
  };
}

export const customerExportRouter = createTRPCRouter({
  /**
   * Queues an export of the customer list with the list's selection and order, in the caller's officer scope: a
   * worker writes it (on the embedded database, this process) and the caller polls `byId` through any instance.
   */
  request: permissionProcedure("export.customers")
    .input(exportCustomersInput)
    .output(exportJobOutput)
    .mutation(async ({ ctx, input }) => {
      const job = await callDomain(
        () =>
          queueCustomerExport(ctx.handle, ctx.jobs, {
            actor: actorOf(ctx),
            scope: customerScopeOf(ctx.user),
            request: input,
          }),
        "RUN_NOT_FOUND",
      );
      return toExportJobOutput(job);
    }),

  /** One of the caller's own exports; another user's answers EXPORT_NOT_FOUND, exactly like a missing one. */
  byId: permissionProcedure("export.customers")
    .input(z.object({ jobId: z.uuid() }))
    .output(exportJobOutput)
    .query(async ({ ctx, input }) => {
      const job = await readCustomerExport(ctx.handle, { actor: actorOf(ctx), jobId: input.jobId });
      if (!job) throw appError("NOT_FOUND", "EXPORT_NOT_FOUND", "The export was not found.");
      return toExportJobOutput(job);
    }),
});
