import {
  countCustomers,
  customerKeyOf,
  deleteExpiredExports,
  deleteExportFileBytes,
  exportFileSink,
  listCustomers,
  listRunClusters,
  readExportFileBytes,
  resolveRun,
  type CustomerFilter,
  type CustomerListRow,
  type CustomerScope,
  type CustomerSortField,
  type DbHandle,
  type ResolvedRun,
} from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import type { CodedFailure } from "../errors/coded-failure";
import { EngineError } from "../errors/engine-error";
import { executeClaimedJob, markAbandonedJobRows, recordJob } from "../jobs/job-rows";
import type { JobQueue } from "../jobs/job-queue";
import { toJsonText } from "../json";
import { resolveCustomerFilter, type CustomerSelection } from "../queries/resolve-customer-filter";
import {
  createTableWriter,
  customerListColumns,
  EXPORT_CONTENT_TYPES,
  type CustomerExportFormat,
} from "./customer-export-format";

/** What an export asks for: the customer list's selection, order and run, and the file's format. */
export type CustomerExportRequest = CustomerSelection & {
  runId?: number;
  period?: string;
  sort: CustomerSortField;
  direction: "asc" | "desc";
  format: CustomerExportFormat;
};

/**
 * Rows one export may hold: an XLSX sheet holds 1,048,576 rows with its header, and a CSV of the same selection must
 * not hold more than its XLSX could. A larger selection is refused with its count, never cut short.
 */
export const MAX_EXPORT_ROWS = 1_048_575;

/** An export's file is kept this long for its download, milliseconds. */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000;

/** Rows read and written at a time (each page is one keyset query of the customer list). */
const PAGE_ROWS = 2_000;

/** Progress is written at most this often, milliseconds (each write also beats the heartbeat). */
const PROGRESS_EVERY_MS = 1_000;

/**
 * Why an export failed, as a code with parameters: the selection holds more rows than a file may (`rows`, `limit`),
 * the engine refused the selection when it executed (`reason`: its error code — the run is gone, a draft an officer
 * may not open), the executing process stopped or went silent, or an unexpected error.
 */
export const EXPORT_FAILURE_CODES = [
  "too_many_rows",
  "selection_refused",
  "worker_stopped",
  "heartbeat_lost",
  "unexpected_error",
] as const;
export type ExportFailure = CodedFailure<(typeof EXPORT_FAILURE_CODES)[number]>;

class ExportFailed extends Error {
  constructor(readonly failure: ExportFailure) {
    super(`Export failed: ${failure.code}`);
    this.name = "ExportFailed";
  }
}

function exportFailureOf(error: unknown): ExportFailure {
  if (error instanceof ExportFailed) return error.failure;
  if (error instanceof EngineError) return { code: "selection_refused", params: { reason: error.code } };
  return { code: "unexpected_error", params: {} };
}

export type CustomerExportJob = {
  id: string;
  requestedBy: string;
  format: CustomerExportFormat;
  status: "queued" | "running" | "succeeded" | "failed";
  rowsWritten: number;
  /** The rows the selection holds, once counted. */
  totalRows: number | null;
  /** The download's file name and bytes, once written. */
  fileName: string | null;
  size: number | null;
  failure: ExportFailure | null;
  /** Operators' detail of a failure: not for users, who read `failure`. */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
};

/** The stored selection of a job: the request as asked, with the caller's role and officer scope when asked. */
type StoredSelection = { request: CustomerExportRequest; role: Actor["role"]; scope: CustomerScope };

const SELECT_JOB = `select id, requested_by as "requestedBy", format, status, rows_written as "rowsWritten",
  total_rows as "totalRows", file_name as "fileName", size::float8 as size, failure, error, created_at as "createdAt",
  finished_at as "finishedAt", expires_at as "expiresAt" from export_jobs`;

/**
 * Queues an export of the customer list — the list's selection and order, in the caller's scope — as a job that a
 * worker writes (PostgreSQL; on the embedded database, this process) and the caller downloads through any instance.
 * Needs `export.customers` and `customer.read`; a named run that is not a finished one is NOT_FOUND at once. Removes
 * expired exports on the way.
 */
export async function queueCustomerExport(
  handle: DbHandle,
  queue: JobQueue,
  args: { actor: Actor; scope: CustomerScope; request: CustomerExportRequest },
): Promise<CustomerExportJob> {
  assertPermission(args.actor, "export.customers");
  assertPermission(args.actor, "customer.read");
  await resolveRequestedRun(handle, args.request);
  await deleteExpiredExports(handle.db);
  const stored: StoredSelection = { request: args.request, role: args.actor.role, scope: args.scope };
  const jobId = await recordJob(handle, queue, {
    insert: `insert into export_jobs (requested_by, format, selection, expires_at)
         values ($1, $2, $3::text::jsonb, now() + make_interval(secs => $4)) returning id`,
    params: [args.actor.id, args.request.format, toJsonText(stored), EXPORT_TTL_MS / 1000],
    jobOf: (id) => ({ kind: "customer_export", jobId: id }),
  });
  return (await readJob(handle, jobId))!;
}

/** One of the caller's exports, or null: another user's export answers exactly like a missing one. */
export async function readCustomerExport(
  handle: DbHandle,
  args: { actor: Actor; jobId: string },
): Promise<CustomerExportJob | null> {
  await markDeadExportJobs(handle);
  const job = await readJob(handle, args.jobId);
  return job && job.requestedBy === args.actor.id ? job : null;
}

/** A finished export of the caller's own, not expired, with its bytes in order and its content type; else null. */
export async function openCustomerExportFile(
  handle: DbHandle,
  args: { actor: Actor; jobId: string },
): Promise<{ job: CustomerExportJob; contentType: string; bytes: AsyncGenerator<Uint8Array> } | null> {
  const job = await readCustomerExport(handle, args);
  if (!job || job.status !== "succeeded" || job.expiresAt.getTime() <= Date.now()) return null;
  return { job, contentType: EXPORT_CONTENT_TYPES[job.format], bytes: readExportFileBytes(handle.db, job.id) };
}

/**
 * Claims a queued export and writes its file (`executeClaimedJob`: a job delivered twice executes once; the other gets
 * null). The selection is resolved now, in the scope stored with it, counted (refused past MAX_EXPORT_ROWS), then
 * read page by page in the list's order and written chunk by chunk, so memory holds a page whatever the book's size.
 * A failed export keeps no bytes. Never rejects.
 */
export async function executeExportJob(handle: DbHandle, jobId: string): Promise<CustomerExportJob | null> {
  const isClaimed = await executeClaimedJob(handle, "export_jobs", jobId, {
    execute: () => writeClaimedExport(handle, jobId),
    failureOf: exportFailureOf,
    cleanUp: () => deleteExportFileBytes(handle.db, jobId),
  });
  return isClaimed ? await readJob(handle, jobId) : null;
}

async function writeClaimedExport(handle: DbHandle, jobId: string): Promise<void> {
  const [row] = await handle.raw<{ requestedBy: string; selection: StoredSelection }>(
    `select requested_by as "requestedBy", selection from export_jobs where id = $1`,
    [jobId],
  );
  const { request, role, scope } = row!.selection;
  const actor: Actor = { id: row!.requestedBy, role };
  const run = await resolveRequestedRun(handle, request);
  const { format, sort, direction, runId: _runId, period: _period, ...selection } = request;
  const filter = await resolveCustomerFilter(handle, { input: selection, run, scope, actor });
  const total = await countCustomers(handle.db, { run, scope, filter });
  if (total > MAX_EXPORT_ROWS)
    throw new ExportFailed({ code: "too_many_rows", params: { rows: total, limit: MAX_EXPORT_ROWS } });
  await handle.raw("update export_jobs set total_rows = $2, heartbeat_at = now() where id = $1", [jobId, total]);
  const clusters = run ? await listRunClusters(handle.db, { runId: run.id }) : [];
  const sink = exportFileSink(handle.db, jobId);
  const columns = customerListColumns({ clusterLabels: new Map(clusters.map((k) => [k.clusterNo, k.label])) });
  const writer = createTableWriter(format, columns, sink.write);
  let written = 0;
  let lastWrite = Date.now();
  for await (const page of readListPages(handle, { run, scope, filter, sort, direction })) {
    await writer.addRows(page);
    written += page.length;
    if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) {
      lastWrite = Date.now();
      await handle.raw("update export_jobs set rows_written = $2, heartbeat_at = now() where id = $1", [
        jobId,
        written,
      ]);
    }
  }
  await writer.end();
  const size = await sink.end();
  const fileName = `customers-${run ? `run${run.id}-${run.period}` : "master"}.${format}`;
  await handle.raw(
    `update export_jobs set status = 'succeeded', rows_written = $2, file_name = $3, size = $4, finished_at = now()
      where id = $1 and status = 'running'`,
    [jobId, written, fileName, size],
  );
}

/** The finished run an export reads (null: the master list); a named run that is not a finished one is NOT_FOUND. */
async function resolveRequestedRun(handle: DbHandle, request: CustomerExportRequest): Promise<ResolvedRun | null> {
  const run = await resolveRun(handle.db, request);
  if (!run && request.runId !== undefined) throw new EngineError("NOT_FOUND", "The segment run was not found.");
  return run;
}

/** The customer list's rows in its order, a page at a time (keyset paging, as the list screen pages). */
async function* readListPages(
  handle: DbHandle,
  args: {
    run: ResolvedRun | null;
    scope: CustomerScope;
    filter: CustomerFilter;
    sort: CustomerSortField;
    direction: "asc" | "desc";
  },
): AsyncGenerator<CustomerListRow[]> {
  const { run, sort } = args;
  let last: CustomerListRow | undefined;
  for (;;) {
    const page = await listCustomers(handle.db, {
      ...args,
      limit: PAGE_ROWS,
      after: last ? customerKeyOf(last, sort, run !== null) : null,
    });
    if (page.length > 0) yield page;
    if (page.length < PAGE_ROWS) return;
    last = page.at(-1);
  }
}

/**
 * Marks failed every running export whose worker is gone (`markAbandonedJobRows`); its half-written bytes are
 * removed. Returns the ids marked.
 */
export async function markDeadExportJobs(
  handle: DbHandle,
  options: { staleAfterMinutes?: number } = {},
): Promise<string[]> {
  const marked = await markAbandonedJobRows(handle, "export_jobs", {
    ...options,
    detail: (code) => `Export abandoned (${code}); its partial file was removed.`,
  });
  for (const id of marked) await deleteExportFileBytes(handle.db, id);
  return marked;
}

async function readJob(handle: DbHandle, jobId: string): Promise<CustomerExportJob | null> {
  const [row] = await handle.raw<CustomerExportJob>(`${SELECT_JOB} where id = $1`, [jobId]);
  return row ?? null;
}
