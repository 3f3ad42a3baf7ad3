/** Where an import is: validating the file, loading staging, merging, done. */
export type ImportPhase = "validating" | "staging" | "merging" | "merged" | "committed";

export type ImportProgress = {
  phase: ImportPhase;
  /** Data rows processed in this phase. */
  rowsProcessed: number;
  bytesRead: number;
  /** File size in bytes when known. */
  totalBytes: number | null;
};

/** Called from inside the commit transaction too: throwing (or exiting) there leaves nothing written. */
export type ProgressListener = (progress: ImportProgress) => void | Promise<void>;

/** Rows between two progress calls while streaming. */
export const PROGRESS_EVERY_ROWS = 10_000;
