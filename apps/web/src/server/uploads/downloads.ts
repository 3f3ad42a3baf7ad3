import { can, type Permission } from "@creditseg/core/access";
import { IMPORT_KINDS, type ImportKind } from "@creditseg/core/constants";
import { findImportBatch, listImportRejects, type DbHandle } from "@creditseg/db";
import { openCustomerExportFile } from "@creditseg/engine";
import { buildReportCsv, buildTemplate, type ImportReport, type Reject } from "@creditseg/ingest";
import type { Auth } from "../auth/auth";
import { readSession, type SessionUser } from "../auth/session";
import { readUploadReport } from "./upload-store";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rejected rows one batch report holds: the ingest package keeps at most this many per batch. */
const MAX_REPORT_ROWS = 100_000;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const problem = (status: number, message: string) =>
  Response.json({ error: { message } }, { status, headers: { "cache-control": "no-store" } });

/** The signed-in user holding the permission, or the 401 / 403 response. GET downloads change nothing, so no CSRF check. */
async function authorise(auth: Auth, req: Request, permission: Permission): Promise<SessionUser | Response> {
  const session = await readSession(auth, req.headers);
  if (!session) return problem(401, "Please sign in to continue.");
  if (!can(session.user.role, permission)) return problem(403, "Your role does not allow this action.");
  return session.user;
}

function attachment(
  body: Buffer | ReadableStream<Uint8Array>,
  fileName: string,
  contentType: string,
  size?: number,
): Response {
  return new Response(
    Buffer.isBuffer(body) ? new Uint8Array(body) : (body as ReadableStream<Uint8Array<ArrayBuffer>>),
    {
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...(size === undefined ? {} : { "content-length": String(size) }),
      },
    },
  );
}

/** A stream of `chunks`, pulled one at a time as the client reads (a slow download holds one chunk). */
function streamOf(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * `GET /api/export/jobs/<jobId>`: the file of a finished customer export of the caller's own, streamed from the
 * database chunk by chunk. Another user's export, an expired or unfinished one, answers 404 like a missing one.
 */
export async function downloadCustomerExport(
  req: Request,
  jobId: string,
  deps: { auth: Auth; handle: DbHandle },
): Promise<Response> {
  const user = await authorise(deps.auth, req, "export.customers");
  if (user instanceof Response) return user;
  if (!UUID.test(jobId)) return problem(404, "There is no such export.");
  const file = await openCustomerExportFile(deps.handle, { actor: { id: user.id, role: user.role }, jobId });
  if (!file) return problem(404, "There is no such export (it may have expired, or is still being written).");
  return attachment(streamOf(file.bytes), file.job.fileName!, file.contentType, file.job.size ?? undefined);
}

/** Rejects as a CSV (UTF-8 with BOM, cells that a spreadsheet would run as formulas neutralised). */
function rejectsCsv(report: Pick<ImportReport, "kind" | "fileRejects" | "rejects">): Buffer {
  // A report saved by an older release holds no parameters: its reasons render as their sentences.
  const withParams = (rejects: Reject[]) => rejects.map((reject) => ({ ...reject, params: reject.params ?? {} }));
  return buildReportCsv({
    kind: report.kind,
    fileRejects: withParams(report.fileRejects),
    rejects: withParams(report.rejects),
  });
}

/** `GET /api/templates/<kind>?format=csv|xlsx`: the upload template of a kind with one example row. */
export async function downloadTemplate(req: Request, kindText: string, deps: { auth: Auth }): Promise<Response> {
  const user = await authorise(deps.auth, req, "upload.read");
  if (user instanceof Response) return user;
  if (!(IMPORT_KINDS as readonly string[]).includes(kindText))
    return problem(404, "There is no upload template of that kind.");
  const kind = kindText as ImportKind;
  const format = new URL(req.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") return problem(400, "The template format is csv or xlsx.");
  const body = await buildTemplate(kind, format);
  return attachment(body, `template-${kind}.${format}`, format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE);
}

/** `GET /api/uploads/<fileId>/report`: the rejected rows of the latest check of the caller's own uploaded file. */
export async function downloadUploadReport(
  req: Request,
  fileId: string,
  deps: { auth: Auth; handle: DbHandle },
): Promise<Response> {
  const user = await authorise(deps.auth, req, "upload.commit");
  if (user instanceof Response) return user;
  // Ownership is read from the upload's record, which a committed upload keeps (with its report) after its bytes are removed.
  const report = (await readUploadReport(deps.handle.db, { ownerId: user.id, fileId })) as Pick<
    ImportReport,
    "kind" | "fileRejects" | "rejects"
  > | null;
  if (!report) return problem(404, "There is no report for that upload.");
  return attachment(rejectsCsv(report), `rejected-rows-${fileId.slice(0, 8)}.csv`, "text/csv; charset=utf-8");
}

/** `GET /api/uploads/batches/<batchId>/report`: the rows a committed batch set aside, as recorded with it. */
export async function downloadBatchReport(
  req: Request,
  batchId: string,
  deps: { auth: Auth; handle: DbHandle },
): Promise<Response> {
  const user = await authorise(deps.auth, req, "upload.read");
  if (user instanceof Response) return user;
  if (!UUID.test(batchId)) return problem(404, "The upload was not found.");
  const db = deps.handle.db;
  const batch = await findImportBatch(db, { batchId });
  if (!batch) return problem(404, "The upload was not found.");
  const rows = await listImportRejects(db, { batchId, limit: MAX_REPORT_ROWS });
  const rejects = rows.map((row) => ({
    rowNumber: row.rowNumber,
    column: row.column,
    value: row.value,
    code: row.reasonCode as Reject["code"],
    params: row.params,
  }));
  return attachment(
    rejectsCsv({ kind: batch.kind, fileRejects: [], rejects }),
    `rejected-rows-batch-${batchId.slice(0, 8)}.csv`,
    "text/csv; charset=utf-8",
  );
}
