import { EngineError } from "@creditseg/engine";
import { IngestError, type IngestErrorCode } from "@creditseg/ingest";
import type { TRPCError } from "@trpc/server";
import { appError, type AppErrorCode } from "./errors";

/** Which kind of record a NOT_FOUND from the engine is about, so clients get a specific code. */
export type NotFoundCode = Extract<
  AppErrorCode,
  "POLICY_NOT_FOUND" | "RUN_NOT_FOUND" | "CUSTOMER_NOT_FOUND" | "OVERRIDE_NOT_FOUND" | "UPLOAD_NOT_FOUND"
>;

/**
 * The engine's workflow errors as tRPC errors. Engine messages are written for users (ids and codes, no customer
 * data), so they are passed on; an out-of-scope customer answers exactly like a missing one.
 */
export function engineErrorToTrpc(error: EngineError, notFoundCode: NotFoundCode): TRPCError {
  switch (error.code) {
    case "NOT_FOUND":
      return appError("NOT_FOUND", notFoundCode, error.message);
    case "FORBIDDEN":
      return appError("FORBIDDEN", "NOT_PERMITTED", "Your role does not allow this action.");
    case "INVALID_INPUT":
      return appError("BAD_REQUEST", "INVALID_INPUT", error.message);
    case "INVALID_POLICY":
      return appError("BAD_REQUEST", "INVALID_POLICY", error.message);
    case "NO_ACTIVE_POLICY":
      return appError("PRECONDITION_FAILED", "NO_ACTIVE_POLICY", error.message);
    case "NO_DATA":
      return appError("PRECONDITION_FAILED", "NO_DATA", error.message);
    case "SELF_APPROVAL":
      return appError("FORBIDDEN", "SELF_APPROVAL", error.message);
    case "RUN_ALREADY_ACTIVE":
      return appError("CONFLICT", "RUN_ALREADY_ACTIVE", error.message);
    case "CONFLICT":
      return appError("CONFLICT", "CONFLICT", error.message);
    case "OVERRIDE_PENDING":
      return appError("CONFLICT", "OVERRIDE_PENDING", error.message);
    case "OVERRIDE_UNCHANGED":
      return appError("BAD_REQUEST", "OVERRIDE_UNCHANGED", error.message);
  }
}

/** User-fit messages for refused upload operations; the package's own messages are terse and technical. */
const INGEST_ERRORS: Record<
  IngestErrorCode,
  { code: ConstructorParameters<typeof TRPCError>[0]["code"]; appCode: AppErrorCode; message: string }
> = {
  batch_not_found: { code: "NOT_FOUND", appCode: "UPLOAD_NOT_FOUND", message: "The upload was not found." },
  batch_not_committed: {
    code: "CONFLICT",
    appCode: "BATCH_NOT_COMMITTED",
    message: "Only a committed upload can be rolled back; this one is not committed.",
  },
  batch_in_use: {
    code: "CONFLICT",
    appCode: "BATCH_IN_USE",
    message: "A segment run was computed from this upload, so it cannot be rolled back.",
  },
  later_batch_exists: {
    code: "CONFLICT",
    appCode: "LATER_BATCH_EXISTS",
    message: "A later upload of the same kind and period exists; roll that one back first.",
  },
  rollback_blocked_by_references: {
    code: "CONFLICT",
    appCode: "ROLLBACK_BLOCKED",
    message:
      "Other data refers to rows of this upload (for example loans of customers it added); roll those back first.",
  },
  mapping_not_found: {
    code: "NOT_FOUND",
    appCode: "MAPPING_NOT_FOUND",
    message: "No saved column mapping has that name.",
  },
  unknown_mapping_target: {
    code: "BAD_REQUEST",
    appCode: "UNKNOWN_MAPPING_TARGET",
    message: "The column mapping names columns this kind of file does not have.",
  },
  invalid_option: {
    code: "BAD_REQUEST",
    appCode: "INVALID_UPLOAD_OPTION",
    message: "The upload options are not valid for this kind of file.",
  },
  file_changed: {
    code: "CONFLICT",
    appCode: "FILE_CHANGED",
    message: "The file changed while it was being checked; upload it again.",
  },
};

/**
 * An ingest refusal as a tRPC error. The package message is appended where it names what to fix (which columns,
 * which option) — it holds ids and column names only, never row values.
 */
export function ingestErrorToTrpc(error: IngestError): TRPCError {
  const known = INGEST_ERRORS[error.code];
  const isDetailUseful =
    error.code === "unknown_mapping_target" ||
    error.code === "invalid_option" ||
    error.code === "later_batch_exists" ||
    error.code === "batch_in_use";
  return appError(known.code, known.appCode, isDetailUseful ? `${known.message} (${error.message})` : known.message);
}

/** Runs a package call and turns its domain errors into tRPC errors; anything else propagates as an internal error. */
export async function callDomain<T>(work: () => Promise<T>, notFoundCode: NotFoundCode): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EngineError) throw engineErrorToTrpc(error, notFoundCode);
    if (error instanceof IngestError) throw ingestErrorToTrpc(error);
    throw error;
  }
}
