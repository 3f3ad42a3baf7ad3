import { TRPCError } from "@trpc/server";

/**
 * Stable application error codes clients may branch on; the message is fit to show a user.
 * They travel in the error's `data.appCode` next to tRPC's own code.
 */
export const APP_ERROR_CODES = [
  "NOT_SIGNED_IN",
  "NOT_PERMITTED",
  "CSRF_REJECTED",
  "CUSTOMER_NOT_FOUND",
  "RUN_NOT_FOUND",
  "GROUP_NOT_FOUND",
  "POLICY_NOT_FOUND",
  "UPLOAD_NOT_FOUND",
  "EXPORT_NOT_FOUND",
  "PREVIEW_FAILED",
  "USER_NOT_FOUND",
  "EMAIL_TAKEN",
  "OFFICER_CODE_TAKEN",
  "OFFICER_CODE_REQUIRED",
  "WRONG_PASSWORD",
  "CANNOT_CHANGE_OWN_ACCOUNT",
  "OVERRIDE_NOT_FOUND",
  "UPLOAD_FILE_NOT_FOUND",
  "MAPPING_NOT_FOUND",
  "INVALID_CURSOR",
  "INVALID_POLICY",
  "NO_ACTIVE_POLICY",
  "NO_DATA",
  "SELF_APPROVAL",
  "RUN_ALREADY_ACTIVE",
  "OVERRIDE_PENDING",
  "OVERRIDE_UNCHANGED",
  "BATCH_NOT_COMMITTED",
  "BATCH_IN_USE",
  "LATER_BATCH_EXISTS",
  "ROLLBACK_BLOCKED",
  "UNKNOWN_MAPPING_TARGET",
  "INVALID_UPLOAD_OPTION",
  "FILE_CHANGED",
  "FILE_TOO_LARGE",
  "EMPTY_FILE",
  "INVALID_INPUT",
  "CONFLICT",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** The cause attached to a TRPCError raised by our code, carrying the stable code. */
export class AppErrorCause extends Error {
  constructor(
    readonly appCode: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppErrorCause";
  }
}

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

/** A TRPCError with a stable app code and a user-fit message. */
export function appError(code: TrpcCode, appCode: AppErrorCode, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new AppErrorCause(appCode, message) });
}

export const notFound = (appCode: AppErrorCode, what: string) =>
  appError("NOT_FOUND", appCode, `${what} was not found.`);
