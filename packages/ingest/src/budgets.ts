import { makeReject, type Reject } from "./reasons";
import type { CellValue } from "./values/cell";

/**
 * What one import may cost, refused early with its own reason code when exceeded. Every upload gets them
 * (the web from its environment, the CLI from flags), so a hostile or broken file costs a bounded amount
 * of time and memory instead of taking the server down.
 */
export type ImportBudgets = {
  /** Bytes of the file as uploaded. */
  maxBytes: number;
  /** Data rows read (the header excluded). */
  maxRows: number;
  /** Cells in one row, the header included. */
  maxCellsPerRow: number;
  /** Characters in one cell. */
  maxFieldChars: number;
  /** Bytes every part of an XLSX inflates to, together; checked while inflating, before exceljs reads it. */
  maxXlsxInflatedBytes: number;
  /** Bytes the shared-strings part may inflate to: exceljs holds it in memory, as strings of twice the size. */
  maxXlsxSharedStringsBytes: number;
  /** Inflated ÷ compressed size of any one XLSX part (real sheets are 5–50; zip bombs are hundreds or more). */
  maxXlsxEntryRatio: number;
  /** Wall time of the validation pass, seconds. */
  maxSeconds: number;
  /** Rejected rows after which reading stops: the file is refused whatever the rest holds. */
  maxRejectedRows: number;
  /** Rejects (and warnings) kept in detail in memory and in the report; the counts always cover every row. */
  maxRejectsKept: number;
};

/** Sane defaults: a 1,000,000-row loan file (about 150 MB as CSV) fits with room to spare. */
export const DEFAULT_IMPORT_BUDGETS: ImportBudgets = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 2_000_000,
  maxCellsPerRow: 500,
  maxFieldChars: 10_000,
  maxXlsxInflatedBytes: 2 * 1024 * 1024 * 1024,
  maxXlsxSharedStringsBytes: 128 * 1024 * 1024,
  maxXlsxEntryRatio: 200,
  maxSeconds: 30 * 60,
  maxRejectedRows: 100_000,
  maxRejectsKept: 10_000,
};

/** The defaults with the given overrides (undefined keeps the default). */
export function resolveBudgets(overrides: Partial<ImportBudgets> = {}): ImportBudgets {
  const budgets = { ...DEFAULT_IMPORT_BUDGETS };
  for (const [key, value] of Object.entries(overrides) as [keyof ImportBudgets, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`import budget ${key} must be above 0, not ${value}`);
    budgets[key] = value;
  }
  return budgets;
}

/** A file-level reject for a spent budget, naming the limit and, when known, the row. */
export function budgetReject(
  code:
    | "file_too_large"
    | "too_many_rows"
    | "too_many_cells"
    | "field_too_long"
    | "time_budget_exceeded"
    | "too_many_rejects",
  limit: number,
  rowNumber: number | null = null,
): Reject {
  const bound =
    code === "time_budget_exceeded"
      ? { limitSeconds: limit }
      : code === "file_too_large"
        ? { limitBytes: limit }
        : { limit };
  return makeReject({ code, rowNumber, params: rowNumber === null ? bound : { ...bound, row: rowNumber } });
}

/** The budget a data row breaks (cells in the row, characters in a cell), or null. */
export function checkRowShape(rowNumber: number, cells: readonly CellValue[], budgets: ImportBudgets): Reject | null {
  if (cells.length > budgets.maxCellsPerRow) return budgetReject("too_many_cells", budgets.maxCellsPerRow, rowNumber);
  for (const cell of cells)
    if (typeof cell === "string" && cell.length > budgets.maxFieldChars)
      return budgetReject("field_too_long", budgets.maxFieldChars, rowNumber);
  return null;
}
