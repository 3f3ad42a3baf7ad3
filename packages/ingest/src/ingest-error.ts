/** Codes of failures that stop an operation as a whole (not row rejects, which go in the report). */
export type IngestErrorCode =
  | "batch_not_found"
  | "batch_not_committed"
  | "batch_in_use"
  | "later_batch_exists"
  | "rollback_blocked_by_references"
  | "mapping_not_found"
  | "unknown_mapping_target"
  | "invalid_option"
  | "file_changed";

/** A refused operation, with a message safe to show (ids only, never customer data). */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
