import { findImportBatch, listImportBatches, listImportRejects } from "@creditseg/db";
import { queueImportCommit, readImportJob, type ImportJob, type ImportJobOptions } from "@creditseg/engine";
import {
  commitImport,
  describeColumns,
  inspectFile,
  listMappings,
  resolveMapping,
  rollbackBatch,
  saveMapping,
  validateImport,
  type ImportOptions,
} from "@creditseg/ingest";
import { writeAudit } from "../../audit/write-audit";
import { decodeCursor, toPage } from "../paging";
import { batchReportUrl, toUploadReportOutput } from "../../uploads/report-output";
import { uploadBudgets } from "../../uploads/upload-budgets";
import { discardUploadFile, findUpload, saveUploadReport, type StoredUpload } from "../../uploads/upload-store";
import { actorOf } from "./actor-of";
import { callDomain } from "../domain-errors";
import { appError, notFound } from "../errors";
import {
  commitUploadInput,
  importJobInput,
  importJobOutput,
  type ImportJobOutput,
  inspectUploadInput,
  listMappingsInput,
  listUploadsInput,
  rollbackOutput,
  rollbackUploadInput,
  savedMappingOutput,
  saveMappingInput,
  uploadByIdInput,
  uploadReportOutput,
  type ValidateUploadInput,
} from "../schemas/upload";
import { createTRPCRouter, permissionProcedure, type TrpcContext } from "../trpc";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's own uploaded file; anyone else's, an expired or a committed one is UPLOAD_FILE_NOT_FOUND. */
async function requireUpload(ctx: TrpcContext, userId: string, fileId: string): Promise<StoredUpload> {
  const upload = await findUpload({ db: ctx.db, ownerId: userId, fileId });
  if (!upload)
    throw notFound(
      "UPLOAD_FILE_NOT_FOUND",
      "The uploaded file (it may have expired or been committed already; upload it again)",
    );
  return upload;
}

/** The API's options as the ingest package takes them. */
function toImportOptions(input: ValidateUploadInput, isDryRun: boolean): ImportOptions {
  return {
    encoding: input.encoding,
    delimiter: input.delimiter,
    sheet: input.sheet,
    mapping: input.mapping,
    expectedTotalFen: input.expectedTotalFen === undefined ? null : BigInt(input.expectedTotalFen),
    isAcceptValid: input.isAcceptValid,
    mode: input.mode,
    isDryRun,
    budgets: uploadBudgets,
  };
}

/** The API's options as an import job keeps them (JSON: the expected total in fen as a string). */
function toImportJobOptions(input: ValidateUploadInput): ImportJobOptions {
  const { expectedTotalFen, ...options } = toImportOptions(input, false);
  delete options.isDryRun;
  return { ...options, expectedTotalFen: expectedTotalFen === null ? null : String(expectedTotalFen) };
}

function toImportJobOutput(job: ImportJob): ImportJobOutput {
  const { id, uploadId, status, phase, rowsProcessed, bytesRead, totalBytes, failure, report } = job;
  return {
    id,
    fileId: uploadId,
    status,
    phase,
    rowsProcessed,
    bytesRead,
    totalBytes,
    failure,
    report: report && uploadId ? toUploadReportOutput(report, uploadId) : null,
  };
}

export const uploadRouter = createTRPCRouter({
  /** Upload batches, newest first, with their control totals. */
  list: permissionProcedure("upload.read")
    .input(listUploadsInput)
    .query(async ({ ctx, input }) => {
      let after: { createdAt: Date; id: string } | null = null;
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor);
        const at = new Date(cursor.value ?? "");
        if (Number.isNaN(at.getTime()) || !UUID.test(cursor.id))
          throw appError(
            "BAD_REQUEST",
            "INVALID_CURSOR",
            "The page position is no longer valid; start again from the first page.",
          );
        after = { createdAt: at, id: cursor.id };
      }
      const rows = await listImportBatches(ctx.db, {
        kinds: input.kinds,
        statuses: input.statuses,
        period: input.period,
        after,
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: row.createdAt.toISOString(), id: row.id }));
    }),

  /** One batch with its first rejected rows, and where to download all of them (null when none were set aside). */
  byId: permissionProcedure("upload.read")
    .input(uploadByIdInput)
    .query(async ({ ctx, input }) => {
      const batch = await findImportBatch(ctx.db, { batchId: input.batchId });
      if (!batch) throw notFound("UPLOAD_NOT_FOUND", "The upload");
      const rejects = await listImportRejects(ctx.db, { batchId: batch.id, limit: input.rejectsLimit });
      return { batch, rejects, reportUrl: batch.rowsRejected > 0 ? batchReportUrl(batch.id) : null };
    }),

  /** A kind's columns with their Chinese and canonical headers, so mappings and rejects read as column names. */
  columns: permissionProcedure("upload.read")
    .input(listMappingsInput.required())
    .query(({ input }) => describeColumns(input.kind)),

  /** Format, encoding, delimiter, headers and first rows of an uploaded file, and how the headers bind to a kind's columns. */
  inspect: permissionProcedure("upload.commit")
    .input(inspectUploadInput)
    .query(async ({ ctx, input }) => {
      const upload = await requireUpload(ctx, ctx.user.id, input.fileId);
      const { kind, mapping: named } = input;
      // A mapping binds headers to a kind's columns, so it only applies once the kind is chosen.
      const mapping =
        kind && named !== undefined
          ? await callDomain(() => resolveMapping({ handle: ctx.handle, kind, mapping: named }), "UPLOAD_NOT_FOUND")
          : undefined;
      const inspection = await inspectFile({
        file: upload.source,
        kind: input.kind,
        options: { encoding: input.encoding, delimiter: input.delimiter, sheet: input.sheet, mapping },
        previewRows: input.previewRows,
      });
      return { fileId: upload.meta.fileId, fileName: upload.meta.name, size: upload.meta.size, ...inspection };
    }),

  /**
   * Dry run: every check of a commit (headers, cells, keys, unknown customers, control totals against the expected
   * total) without writing anything. Saves the report for the rejected-rows download.
   */
  validate: permissionProcedure("upload.commit")
    .input(commitUploadInput)
    .output(uploadReportOutput)
    .mutation(async ({ ctx, input }) => {
      const upload = await requireUpload(ctx, ctx.user.id, input.fileId);
      const { report } = await callDomain(
        () =>
          validateImport({
            handle: ctx.handle,
            kind: input.kind,
            period: input.period,
            file: upload.source,
            options: toImportOptions(input, true),
          }),
        "UPLOAD_NOT_FOUND",
      );
      await saveUploadReport(ctx.db, { fileId: upload.meta.fileId, kind: input.kind, period: input.period, report });
      return toUploadReportOutput(report, upload.meta.fileId);
    }),

  /**
   * Validates and loads the file in one transaction, or not at all: rejected rows block it unless `isAcceptValid`;
   * `mode` amends or replaces the period by natural key; the same file again is "duplicate" and counts nothing twice.
   * The ingest package writes the batch, its rejects and the audit row in that transaction.
   */
  commit: permissionProcedure("upload.commit")
    .input(commitUploadInput)
    .output(uploadReportOutput)
    .mutation(async ({ ctx, input }) => {
      const upload = await requireUpload(ctx, ctx.user.id, input.fileId);
      const report = await callDomain(
        () =>
          commitImport({
            handle: ctx.handle,
            kind: input.kind,
            period: input.period,
            file: upload.source,
            options: toImportOptions(input, false),
            actor: actorOf(ctx),
          }),
        "UPLOAD_NOT_FOUND",
      );
      await saveUploadReport(ctx.db, { fileId: upload.meta.fileId, kind: input.kind, period: input.period, report });
      if (report.status === "committed" || report.status === "duplicate")
        await discardUploadFile(ctx.db, upload.meta.fileId);
      return toUploadReportOutput(report, upload.meta.fileId);
    }),

  /**
   * The same commit as `commit`, as a job: answers at once with the queued job, which a worker executes (PostgreSQL;
   * on the embedded database, this process); the caller polls `importJob` for its progress and report, through any
   * instance. The ingest package writes the batch, its rejects and the audit row in the commit's transaction.
   */
  commitInBackground: permissionProcedure("upload.commit")
    .input(commitUploadInput)
    .output(importJobOutput)
    .mutation(async ({ ctx, input }) => {
      const upload = await requireUpload(ctx, ctx.user.id, input.fileId);
      const job = await callDomain(
        () =>
          queueImportCommit(ctx.handle, ctx.jobs, {
            actor: actorOf(ctx),
            uploadId: upload.meta.fileId,
            kind: input.kind,
            period: input.period ?? null,
            options: toImportJobOptions(input),
          }),
        "UPLOAD_NOT_FOUND",
      );
      return toImportJobOutput(job);
    }),

  /** A commit job of the caller's own: its phase and counters while it runs, then its report or why it failed. */
  importJob: permissionProcedure("upload.commit")
    .input(importJobInput)
    .output(importJobOutput)
    .query(async ({ ctx, input }) => {
      const job = await readImportJob(ctx.handle, input.jobId);
      if (!job || job.requestedBy !== ctx.user.id) throw notFound("UPLOAD_NOT_FOUND", "The import");
      return toImportJobOutput(job);
    }),

  /** Undoes a committed batch (refused while a segment run was computed from it, or a later batch exists); audited by the package. */
  rollback: permissionProcedure("upload.rollback")
    .input(rollbackUploadInput)
    .output(rollbackOutput)
    .mutation(async ({ ctx, input }) => {
      // The rollback bumps the data version: every instance's cached counts of the customer master are then stale.
      return await callDomain(
        () => rollbackBatch({ handle: ctx.handle, batchId: input.batchId, actor: actorOf(ctx) }),
        "UPLOAD_NOT_FOUND",
      );
    }),

  mappings: createTRPCRouter({
    /** Saved column mappings for recurring file layouts, by name; of one kind when given. */
    list: permissionProcedure("upload.read")
      .input(listMappingsInput)
      .query(({ ctx, input }) => listMappings({ handle: ctx.handle, kind: input.kind })),

    /** Saves (or replaces, by name) a column mapping, audited in the same transaction. */
    save: permissionProcedure("mapping.write")
      .input(saveMappingInput)
      .output(savedMappingOutput)
      .mutation(({ ctx, input }) =>
        callDomain(
          () =>
            ctx.db.transaction(async (tx) => {
              // saveMapping writes through the handle's Drizzle database: give it the transaction so the audit row commits with it.
              const saved = await saveMapping({
                handle: { ...ctx.handle, db: tx },
                input,
                actorId: ctx.user.id,
              });
              await writeAudit(tx, {
                actor: actorOf(ctx),
                action: "upload.mapping_saved",
                entityType: "column_mapping",
                entityId: String(saved.id),
                detail: { name: saved.name, kind: saved.kind, columns: Object.values(saved.mapping) },
                meta: ctx.meta,
              });
              return saved;
            }),
          "UPLOAD_NOT_FOUND",
        ),
      ),
  }),
});
