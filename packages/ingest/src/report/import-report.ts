import type { ImportKind } from "@creditseg/core/constants";
import type { AmountUnit } from "../values/cell";
import type { TableInfo } from "../read/open-table";
import type { Reject } from "../reasons";

/** Control totals the admin reconciles with the source system: rows and balance sums (fen). */
export type ImportTotals = {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Sum of the kind's balance column over every row where it could be read. */
  totalReadFen: bigint;
  totalAcceptedFen: bigint;
  /** totalReadFen − totalAcceptedFen. */
  totalRejectedFen: bigint;
  expectedTotalFen: bigint | null;
  /** Whether totalReadFen equals the expected total; null when none was given. */
  isExpectedTotalMatched: boolean | null;
};

/** One source header as read: the canonical column it fills and the amount unit its header names. */
export type ColumnUse = { header: string; column: string; unit: AmountUnit };

export type ImportStatus = "validated" | "committed" | "rejected" | "duplicate";

/** What happened to a file: the same shape for a dry run, a refusal and a commit. */
export type ImportReport = {
  status: ImportStatus;
  kind: ImportKind;
  period: string;
  fileName: string;
  /** SHA-256 of the file bytes (hex); null when the file could not be read through. */
  checksum: string | null;
  table: TableInfo | null;
  /** How headers were read: source header → canonical column, with the amount unit. */
  columns: ColumnUse[];
  unknownHeaders: string[];
  /** Problems with the file as a whole; any of them blocks it. */
  fileRejects: Reject[];
  /** Row-level rejects, in file order (at most the maxRejectsKept budget kept). */
  rejects: Reject[];
  isRejectListTruncated: boolean;
  /** Judgement calls on rows that loaded (e.g. a rate that may be a fraction), in file order, capped like rejects. */
  warnings: Reject[];
  totals: ImportTotals;
  isDryRun: boolean;
  /** The batch written, or the batch that already holds this file (status "duplicate"). */
  batchId: string | null;
  changes: { inserted: number; updated: number; deleted: number } | null;
};

export function emptyTotals(expectedTotalFen: bigint | null): ImportTotals {
  return {
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    totalReadFen: 0n,
    totalAcceptedFen: 0n,
    totalRejectedFen: 0n,
    expectedTotalFen,
    isExpectedTotalMatched: null,
  };
}
