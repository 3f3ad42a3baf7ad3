import { Readable } from "node:stream";
import type { ImportKind } from "@creditseg/core/constants";
import {
  discardPendingUploadBytes,
  findPendingUpload,
  PENDING_UPLOAD_TTL_MS,
  readPendingUploadBytes,
  savePendingUploadReport,
  writePendingUpload,
  type DbHandle,
} from "@creditseg/db";
import { commitImport, type ImportOptions, type ImportProgress, type ImportReport } from "@creditseg/ingest";
import { assertPermission, type Actor } from "../actor";
import { EngineError } from "../errors/engine-error";
import type { JobQueue } from "../jobs/job-queue";
import { toJsonText } from "../json";
import { executeClaimedJob, markAbandonedJobRows, recordJob } from "../jobs/job-rows";
import { ImportJobFailed, importJobFailureOf, type ImportJobFailure } from "./import-job-failure";

/** The options of a queued commit as the job row keeps them: an expected total in fen as a decimal string. */
export type ImportJobOptions = Omit<ImportOptions, "isDryRun" | "expectedTotalFen"> & {
  expectedTotalFen?: string | null;
};

export type ImportJobStatus = "queued" | "running" | "succeeded" | "failed";

export type ImportJob = {
  id: string;
  uploadId: string | null;
  requestedBy: string;
  kind: ImportKind;
  period: string | null;
  status: ImportJobStatus;
  worker: string | null;
  /** The ingest phase reached and its counters (bytes of the file read in that phase). */
  phase: string | null;
  rowsProcessed: number;
  bytesRead: number;
  totalBytes: number | null;
  /** The ingest report once the job succeeded: committed, duplicate or rejected. */
  report: ImportReport | null;
  batchId: string | null;
  /** Why it failed, as a code with parameters; null unless it failed. */
  failure: ImportJobFailure | null;
  /** Operators' detail of the failure (the exception's message): not for users, who read `failure`. */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

/** The stored JSON of a job: the commit's options and who asked, from where (the ingest package audits the commit). */
type StoredOptions = { options: ImportJobOptions; role: Actor["role"]; ip: string | null; userAgent: string | null };

/** Progress is written at most this often, milliseconds (each write also beats the heartbeat). */
const PROGRESS_EVERY_MS = 1_000;

const SELECT_JOB = `select id, upload_id as "uploadId", requested_by as "requestedBy", kind::text as kind, period,
  status, worker, phase, rows_processed as "rowsProcessed", bytes_read::float8 as "bytesRead",
  total_bytes::float8 as "totalBytes", report, batch_id as "batchId", failure, error, created_at as "createdAt",
  finished_at as "finishedAt" from import_jobs`;

/**
 * Records the commit of an uploaded file as a queued job and, in the same transaction, the queue's job that executes
 * it; returns the job. Needs `upload.commit` and the caller's own upload with its bytes (UPLOAD_FILE_NOT_FOUND
 * otherwise: expired, committed or someone else's — the same answer).
 */
export async function queueImportCommit(
  handle: DbHandle,
  queue: JobQueue,
  args: { actor: Actor; uploadId: string; kind: ImportKind; period?: string | null; options: ImportJobOptions },
): Promise<ImportJob> {
  assertPermission(args.actor, "upload.commit");
  const upload = await findPendingUpload(handle.db, args.uploadId);
  if (!upload || upload.ownerId !== args.actor.id || !upload.hasBytes || upload.expiresAt.getTime() <= Date.now())
    throw new EngineError(
      "NOT_FOUND",
      "The uploaded file was not found (it may have expired or been committed already; upload it again).",
    );
  const stored: StoredOptions = {
    options: args.options,
    role: args.actor.role,
    ip: args.actor.ip ?? null,
    userAgent: args.actor.userAgent ?? null,
  };
  const jobId = await recordJob(handle, queue, {
    insert: `insert into import_jobs (upload_id, requested_by, kind, period, options) values ($1, $2, $3, $4, $5::text::jsonb) returning id`,
    params: [args.uploadId, args.actor.id, args.kind, args.period ?? null, toJsonText(stored)],
    jobOf: (id) => ({ kind: "import_commit", jobId: id }),
  });
  return (await readImportJob(handle, jobId))!;
}

/**
 * Stores a file's bytes as the actor's pending upload (chunk by chunk, refused past `maxBytes`) and queues its commit
 * as `queueImportCommit` does: what `creditseg import --detach` calls, so a worker loads the file while the caller
 * goes on. An empty or too large file is refused before anything is queued.
 */
export async function queueFileImport(
  handle: DbHandle,
  queue: JobQueue,
  args: {
    actor: Actor;
    name: string;
    body: AsyncIterable<Uint8Array>;
    maxBytes: number;
    kind: ImportKind;
    period?: string | null;
    options: ImportJobOptions;
  },
): Promise<ImportJob> {
  assertPermission(args.actor, "upload.commit");
  const saved = await writePendingUpload(handle.db, {
    ownerId: args.actor.id,
    name: args.name,
    body: args.body,
    maxBytes: args.maxBytes,
    ttlMs: PENDING_UPLOAD_TTL_MS,
  });
  if (!saved.ok)
    throw new EngineError(
      "INVALID_INPUT",
      saved.reason === "empty"
        ? `${args.name} is empty.`
        : `${args.name} is larger than the ${args.maxBytes} bytes an upload may hold.`,
    );
  return await queueImportCommit(handle, queue, { ...args, uploadId: saved.upload.id });
}

/** A job by id, or null. */
export async function readImportJob(handle: DbHandle, jobId: string): Promise<ImportJob | null> {
  await markDeadImportJobs(handle);
  const [row] = await handle.raw<ImportJob>(`${SELECT_JOB} where id = $1`, [jobId]);
  return row ? { ...row, report: row.report ? reviveReport(row.report) : null } : null;
}

/** A report as stored (JSON, fen as decimal strings) back to the ingest package's shape, fen as bigint. */
function reviveReport(stored: ImportReport): ImportReport {
  const totals = stored.totals as unknown as Record<string, string | number | boolean | null>;
  const fen = (value: unknown) => BigInt(value as string);
  return {
    ...stored,
    totals: {
      ...stored.totals,
      totalReadFen: fen(totals.totalReadFen),
      totalAcceptedFen: fen(totals.totalAcceptedFen),
      totalRejectedFen: fen(totals.totalRejectedFen),
      expectedTotalFen: totals.expectedTotalFen == null ? null : fen(totals.expectedTotalFen),
    },
  };
}

/**
 * Claims a queued import job for this process and executes it (`executeClaimedJob`: a job delivered twice, or to two
 * workers, executes once; the other gets null). The commit is ingest's own `commitImport` (one transaction, audited
 * there). Never rejects: a failure is recorded on the row with its reason.
 */
export async function executeImportJob(handle: DbHandle, jobId: string): Promise<ImportJob | null> {
  const isClaimed = await executeClaimedJob(handle, "import_jobs", jobId, {
    execute: () => commitClaimedJob(handle, jobId),
    failureOf: importJobFailureOf,
  });
  return isClaimed ? await readImportJob(handle, jobId) : null;
}

async function commitClaimedJob(handle: DbHandle, jobId: string): Promise<void> {
  const [job] = await handle.raw<{
    uploadId: string | null;
    requestedBy: string;
    kind: ImportKind;
    period: string | null;
    options: StoredOptions;
  }>(
    `select upload_id as "uploadId", requested_by as "requestedBy", kind::text as kind, period, options from import_jobs where id = $1`,
    [jobId],
  );
  const upload = job?.uploadId ? await findPendingUpload(handle.db, job.uploadId) : null;
  if (!job || !upload?.hasBytes) throw new ImportJobFailed({ code: "upload_missing", params: {} });
  const { options, role, ip, userAgent } = job.options;
  let lastWrite = 0;
  const onProgress = (progress: ImportProgress) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = now;
    // Not awaited: the listener runs inside the commit's transaction, and a progress write must never hold it up.
    void handle
      .raw(
        "update import_jobs set phase = $2, rows_processed = $3, bytes_read = $4, total_bytes = $5, heartbeat_at = now() where id = $1 and status = 'running'",
        [jobId, progress.phase, progress.rowsProcessed, progress.bytesRead, progress.totalBytes],
      )
      .catch(() => {});
  };
  const report: ImportReport = await commitImport({
    handle,
    kind: job.kind,
    period: job.period ?? undefined,
    file: {
      name: upload.name,
      size: upload.size,
      open: () => Readable.from(readPendingUploadBytes(handle.db, upload.id)),
    },
    options: {
      ...options,
      expectedTotalFen: options.expectedTotalFen == null ? null : BigInt(options.expectedTotalFen),
      isDryRun: false,
    },
    actor: { id: job.requestedBy, role, ip, userAgent },
    onProgress,
  });
  const reportJson = JSON.parse(toJsonText(report)) as unknown;
  await savePendingUploadReport(handle.db, {
    uploadId: upload.id,
    kind: job.kind,
    period: job.period,
    report: reportJson,
  });
  if (report.status === "committed" || report.status === "duplicate")
    await discardPendingUploadBytes(handle.db, upload.id);
  await handle.raw(
    `update import_jobs set status = 'succeeded', report = $2::text::jsonb, batch_id = $3, phase = 'done', finished_at = now()
      where id = $1 and status = 'running'`,
    [jobId, toJsonText(report), report.batchId ?? null],
  );
}

/**
 * Marks failed every running import job whose worker is gone (`markAbandonedJobRows`); the commit's own transaction
 * died with the process, so nothing of it was written. Returns the ids marked.
 */
export function markDeadImportJobs(handle: DbHandle, options: { staleAfterMinutes?: number } = {}): Promise<string[]> {
  return markAbandonedJobRows(handle, "import_jobs", {
    ...options,
    detail: (code) => `Import abandoned (${code}); nothing of it was committed.`,
  });
}
