import { IngestError } from "@creditseg/ingest";
import type { CodedFailure } from "../errors/coded-failure";

/**
 * Why an import job failed, as a code with parameters (the reader's language renders it): the upload's bytes gone,
 * the executing process gone or silent, a refusal of the ingest package (its own code), or an unexpected error.
 */
export const IMPORT_JOB_FAILURE_CODES = [
  "upload_missing",
  "worker_stopped",
  "heartbeat_lost",
  "ingest_refused",
  "unexpected_error",
] as const;
export type ImportJobFailureCode = (typeof IMPORT_JOB_FAILURE_CODES)[number];
export type ImportJobFailure = CodedFailure<ImportJobFailureCode>;

/** A failure the commit raised on purpose, with its code. */
export class ImportJobFailed extends Error {
  constructor(readonly failure: ImportJobFailure) {
    super(`Import job failed: ${failure.code}`);
    this.name = "ImportJobFailed";
  }
}

/** The failure an error thrown by a commit stands for: the ingest package's refusals keep their own code. */
export function importJobFailureOf(error: unknown): ImportJobFailure {
  if (error instanceof ImportJobFailed) return error.failure;
  if (error instanceof IngestError) return { code: "ingest_refused", params: { reason: error.code } };
  return { code: "unexpected_error", params: {} };
}
