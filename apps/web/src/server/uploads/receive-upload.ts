import { can } from "@creditseg/core/access";
import type { Db } from "@creditseg/db";
import { isSameOriginRequest } from "../api/csrf";
import type { AppErrorCode } from "../api/errors";
import type { Auth } from "../auth/auth";
import { readSession } from "../auth/session";
import { uploadBudgets } from "./upload-budgets";
import { saveUpload, sweepExpiredUploads } from "./upload-store";

export type ReceiveUploadOptions = { auth: Auth; db: Db; trustedOrigins: readonly string[]; maxBytes?: number };

/** A refusal: the app code and its parameters for the interface to render, the English message for operators. */
const problem = (status: number, code: AppErrorCode, message: string, params?: Record<string, number>) =>
  Response.json(
    { error: { code, message, ...(params ? { params } : {}) } },
    { status, headers: { "cache-control": "no-store" } },
  );

/**
 * `POST /api/uploads?name=<file name>` with the file's bytes as the body (what `fetch(url, { method: "POST", body: file })`
 * sends): streamed into the database chunk by chunk, never buffered whole. Admins only (`upload.commit`, the same permission table as the API),
 * CSRF-checked like tRPC mutations. Answers 201 `{ fileId, name, size }`; the file is then inspected, validated and
 * committed through the `upload.*` procedures by its id.
 */
export async function receiveUpload(req: Request, options: ReceiveUploadOptions): Promise<Response> {
  const maxBytes = options.maxBytes ?? uploadBudgets.maxBytes;
  if (!isSameOriginRequest(req.headers, options.trustedOrigins))
    return problem(403, "CSRF_REJECTED", "This request did not come from the CreditSeg site and was refused.");
  const session = await readSession(options.auth, req.headers);
  if (!session) return problem(401, "NOT_SIGNED_IN", "Please sign in to continue.");
  if (!can(session.user.role, "upload.commit"))
    return problem(403, "NOT_PERMITTED", "Your role does not allow this action.");
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  const maxMb = Math.floor(maxBytes / (1024 * 1024));
  const tooLarge = () =>
    problem(413, "FILE_TOO_LARGE", `The file is larger than the ${maxMb} MB an upload may hold.`, { maxMb });
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  if (!req.body) return problem(400, "EMPTY_FILE", "The upload holds no file.");
  await sweepExpiredUploads(options.db);
  const name = new URL(req.url).searchParams.get("name");
  const saved = await saveUpload({ db: options.db, ownerId: session.user.id, name, body: req.body, maxBytes });
  if (!saved.ok)
    return saved.reason === "too_large" ? tooLarge() : problem(400, "EMPTY_FILE", "The uploaded file is empty.");
  const { fileId, size } = saved.meta;
  return Response.json(
    { fileId, name: saved.meta.name, size },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
}
