import { IMPORT_KINDS, IMPORT_STATUSES } from "@creditseg/core/constants";
import { IMPORT_JOB_FAILURE_CODES } from "@creditseg/engine";
import { z } from "zod";
import { cursorInput, pageSizeInput, periodInput, textInput } from "./common";

export const listUploadsInput = z.object({
  kinds: z.array(z.enum(IMPORT_KINDS)).max(IMPORT_KINDS.length).optional(),
  statuses: z.array(z.enum(IMPORT_STATUSES)).max(IMPORT_STATUSES.length).optional(),
  period: periodInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListUploadsInput = z.infer<typeof listUploadsInput>;

export const uploadByIdInput = z.object({
  batchId: z.uuid(),
  rejectsLimit: z.number().int().min(0).max(1000).default(200),
});

/** An uploaded file's id, as `POST /api/uploads` returned it. */
const fileIdInput = z.uuid();
/** Source header → canonical column, for a layout without a saved mapping. */
const inlineMappingInput = z
  .record(textInput({ max: 200, isTrimmed: false }), textInput({ max: 64, isTrimmed: false }))
  .refine((m) => Object.keys(m).length <= 200, "at most 200 columns");
/** How to read the file; each one overrides detection. */
const readOptionsInput = {
  encoding: z.enum(["utf-8", "gbk", "gb18030"]).optional(),
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
  sheet: textInput({ max: 100 }).optional(),
  /** A saved mapping's name, or an inline mapping. */
  mapping: z.union([textInput({ max: 100 }), inlineMappingInput]).optional(),
};

export const inspectUploadInput = z.object({
  fileId: fileIdInput,
  kind: z.enum(IMPORT_KINDS).optional(),
  ...readOptionsInput,
  previewRows: z.number().int().min(1).max(50).default(10),
});
export type InspectUploadInput = z.infer<typeof inspectUploadInput>;

export const validateUploadInput = z.object({
  fileId: fileIdInput,
  kind: z.enum(IMPORT_KINDS),
  /** Reporting period of periodic kinds (loans, deposits, fees, projects): "2025", "2025Q2", "2025-06". */
  period: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,20}$/)
    .optional(),
  ...readOptionsInput,
  /** The source system's own balance total in fen (digits), checked against the file's. */
  expectedTotalFen: z
    .string()
    .regex(/^-?\d{1,20}$/, "a whole number of fen")
    .optional(),
  /** Whether rejected rows would be set aside (true) or block the file (false, the default). */
  isAcceptValid: z.boolean().default(false),
  /** "amend": upsert by natural key; "replace": also remove the period's rows missing from the file. */
  mode: z.enum(["amend", "replace"]).default("amend"),
});
export type ValidateUploadInput = z.infer<typeof validateUploadInput>;

export const commitUploadInput = validateUploadInput;
export type CommitUploadInput = z.infer<typeof commitUploadInput>;

export const rollbackUploadInput = z.object({ batchId: z.uuid() });

export const listMappingsInput = z.object({ kind: z.enum(IMPORT_KINDS).optional() });
export { saveMappingInput } from "@creditseg/ingest";

const rejectOutput = z.object({
  rowNumber: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  /** The reason's parameters (ingest's ReasonParams): figures, rows and names as data; the UI words them. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});

/** Row rejects returned in a response; the full list is in the downloadable report. */
export const MAX_RESPONSE_REJECTS = 500;

/** A check or commit of an uploaded file: the ingest report with its rejects capped, and where to download them all. */
export const uploadReportOutput = z.object({
  status: z.enum(["validated", "committed", "rejected", "duplicate"]),
  kind: z.enum(IMPORT_KINDS),
  period: z.string(),
  fileName: z.string(),
  checksum: z.string().nullable(),
  table: z
    .object({
      format: z.enum(["csv", "xlsx"]),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheet: z.string().nullable(),
    })
    .nullable(),
  columns: z.array(z.object({ header: z.string(), column: z.string(), unit: z.enum(["yuan", "wan", "yi"]) })),
  unknownHeaders: z.array(z.string()),
  fileRejects: z.array(rejectOutput),
  rejects: z.array(rejectOutput),
  /** Rejects the report holds (rejects above holds at most MAX_RESPONSE_REJECTS of them). */
  rejectCount: z.number(),
  isRejectListTruncated: z.boolean(),
  totals: z.object({
    rowsRead: z.number(),
    rowsAccepted: z.number(),
    rowsRejected: z.number(),
    totalReadFen: z.bigint(),
    totalAcceptedFen: z.bigint(),
    totalRejectedFen: z.bigint(),
    expectedTotalFen: z.bigint().nullable(),
    isExpectedTotalMatched: z.boolean().nullable(),
  }),
  isDryRun: z.boolean(),
  batchId: z.string().nullable(),
  changes: z.object({ inserted: z.number(), updated: z.number(), deleted: z.number() }).nullable(),
  /** GET address of the rejected-rows CSV; null when nothing was rejected. */
  reportUrl: z.string().nullable(),
});
export type UploadReportOutput = z.infer<typeof uploadReportOutput>;

export const importJobInput = z.object({ jobId: z.uuid() });

/** A commit running as a job: where it is (the ingest phase and its counters), then its report or why it failed. */
export const importJobOutput = z.object({
  id: z.string(),
  fileId: z.string().nullable(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  phase: z.string().nullable(),
  rowsProcessed: z.number(),
  bytesRead: z.number(),
  totalBytes: z.number().nullable(),
  /** Why it failed, as a code with parameters the page renders in the reader's language. */
  failure: z
    .object({ code: z.enum(IMPORT_JOB_FAILURE_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
  report: uploadReportOutput.nullable(),
});
export type ImportJobOutput = z.infer<typeof importJobOutput>;

export const rollbackOutput = z.object({ batchId: z.string(), deleted: z.number(), restored: z.number() });

export const savedMappingOutput = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(IMPORT_KINDS),
  mapping: z.record(z.string(), z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
