import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CellValue } from "../values/cell";
import type { WorkbookMeta } from "./read-workbook-meta";
import { batchRows } from "./read-batches";
import { type TableRow, type TableRows, TableReadError } from "./table-row";

type ExcelRow = {
  number: number;
  values: unknown[] | Record<string, unknown>;
  getCell: (column: number) => { numFmt?: string };
};

/** 0.0435 in a cell formatted as a percentage is 4.35%: shift the decimal point in text, exactly. */
function percentCellToText(value: number): CellValue {
  const text = String(value);
  if (/e/i.test(text)) return value;
  const isNegative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (isNegative ? text.slice(1) : text).split(".");
  const digits = `${whole}${fraction.padEnd(2, "0")}`;
  const point = whole.length + 2;
  const shifted = `${digits.slice(0, point).replace(/^0+(?=\d)/, "")}.${digits.slice(point)}`.replace(/\.$/, "");
  return `${isNegative ? "-" : ""}${shifted}%`;
}

/**
 * XLSX cell values as the validators read them. A formula cell yields its cached number, or its
 * formula as text ("=HYPERLINK(…)") when the result is text, so text columns reject it.
 */
function toCellValue(value: unknown, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return numFmt?.includes("%") ? percentCellToText(value) : value;
  if (typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  const object = value as {
    richText?: { text: string }[];
    formula?: string;
    result?: unknown;
    text?: unknown;
    error?: string;
  };
  if (object.richText) return object.richText.map((run) => run.text).join("");
  if (object.formula !== undefined) {
    const result = object.result;
    if (typeof result === "number" || result instanceof Date) return toCellValue(result, numFmt);
    return `=${object.formula}`;
  }
  if (object.error !== undefined) return String(object.error);
  if (object.text !== undefined) return toCellValue(object.text, numFmt);
  // A cell shape not listed above: its JSON, so the validators name what they saw.
  return JSON.stringify(value);
}

/** Reads the chosen sheet once; see readXlsxRows. */
async function* readSheetOnce(bytes: Readable, options: XlsxReadOptions): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // Workbook metadata read beforehand (see readWorkbookMeta); exceljs overwrites it with the same when it reaches workbook.xml.
  Object.assign(reader, {
    model: { sheets: options.meta.sheets },
    properties: { model: { date1904: options.meta.isDate1904 } },
  });
  let isFound = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      if (options.sheet !== undefined && name !== options.sheet) {
        for await (const _row of worksheet) {
          // Drain the sheet's entry so the zip stream moves on to the next one.
        }
        continue;
      }
      isFound = true;
      options.onSheet?.(name);
      for await (const row of worksheet as AsyncIterable<ExcelRow>) {
        const raw = Array.isArray(row.values) ? row.values : [];
        const cells: CellValue[] = [];
        for (let column = 1; column < raw.length; column++)
          cells.push(toCellValue(raw[column], raw[column] === undefined ? undefined : row.getCell(column).numFmt));
        yield { rowNumber: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw new TableReadError("unreadable_xlsx", null, {
      detail: error instanceof Error ? error.message : String(error),
    });
  } finally {
    bytes.destroy();
  }
  if (!isFound)
    throw new TableReadError(
      options.sheet === undefined ? "unreadable_xlsx" : "sheet_not_found",
      null,
      options.sheet === undefined ? {} : { sheet: options.sheet },
    );
}

type XlsxReadOptions = { meta: WorkbookMeta; sheet?: string; onSheet?: (name: string) => void };

/** Whole reads of a workbook tried before giving up, when a read fails before its first row. */
export const XLSX_READ_ATTEMPTS = 3;

/**
 * Streams the rows, in batches, of the first sheet, or of the sheet named `sheet`, of an XLSX workbook
 * (exceljs' streaming reader: rows are not all held in memory). Its zip stream occasionally drops an
 * entry on Node ≥ 18 (exceljs issue #3064), which shows as a missing sheet before any row is read:
 * such a read is retried on a fresh stream, and a file still failing after XLSX_READ_ATTEMPTS is refused.
 */
export async function* readXlsxRows(open: () => Readable, options: XlsxReadOptions): TableRows {
  for (let attempt = 1; ; attempt++) {
    let hasYielded = false;
    try {
      for await (const rows of batchRows(readSheetOnce(open(), options))) {
        hasYielded = true;
        yield rows;
      }
      return;
    } catch (error) {
      if (hasYielded || attempt >= XLSX_READ_ATTEMPTS || !(error instanceof TableReadError)) throw error;
    }
  }
}
