import type { ReasonCode, ReasonParams } from "../reasons";

/** A cell as a reader yields it: CSV gives strings, XLSX also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null;

/** Unit an amount column is written in, read from its header: 金额(万元) → "wan". */
export type AmountUnit = "yuan" | "wan" | "yi";

export type CellParse<T> = { ok: true; value: T } | { ok: false; code: ReasonCode; params?: ReasonParams };

export const parsed = <T>(value: T): CellParse<T> => ({ ok: true, value });
export const failed = (code: ReasonCode, params?: ReasonParams): CellParse<never> => ({ ok: false, code, params });

/** True for a missing cell or one holding only spaces. */
export function isBlankCell(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** The cell as text for messages and the report, exactly as read (dates as ISO). */
export function cellToText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  return String(cell);
}

/** Text cells: trimmed; a numeric XLSX cell holding an id (10001) is read as its digits. */
export function parseText(cell: CellValue): CellParse<string> {
  if (cell instanceof Date) return parsed(cell.toISOString().slice(0, 10));
  return parsed(String(cell).trim());
}
