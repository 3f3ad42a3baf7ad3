import { createHash } from "node:crypto";
import { PassThrough, type Readable } from "node:stream";
import { DEFAULT_IMPORT_BUDGETS, type ImportBudgets } from "../budgets";
import type { ReasonCode, ReasonParams } from "../reasons";
import type { ImportSource } from "../source";
import { detectDelimiter } from "./detect-delimiter";
import { type CsvThread, readCsvRows } from "./read-csv";
import { readWorkbookMeta, type WorkbookMeta } from "./read-workbook-meta";
import { readXlsxRows, XLSX_READ_ATTEMPTS } from "./read-xlsx";
import { sniffFile } from "./sniff-file";
import { type TableRows, TableReadError } from "./table-row";

export type ReadOptions = {
  /** Overrides encoding detection for CSV ("gbk", "gb18030", "utf-8"…). */
  encoding?: string;
  /** Overrides delimiter detection for CSV. */
  delimiter?: string;
  /** XLSX sheet name; the first sheet by default. */
  sheet?: string;
  /** Where a CSV file is parsed; by default a worker thread for files of CSV_WORKER_MIN_BYTES or more. */
  parseThread?: CsvThread;
};

/**
 * CSV files from this size (bytes) are parsed in a worker thread. Starting one costs about a tenth of a second, what
 * parsing some 15,000 rows costs; from 4 MiB (some 40,000 rows) on the validation gains more than it waits.
 */
export const CSV_WORKER_MIN_BYTES = 4 * 1024 * 1024;

export type TableInfo = {
  format: "csv" | "xlsx";
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
};

export type OpenedTable = {
  info: TableInfo;
  rows: TableRows;
  /** Bytes read so far (for progress). */
  bytesRead: () => number;
  /** SHA-256 (hex) of the bytes read so far: the file's checksum once the rows are exhausted. */
  checksum: () => string;
};

export type TableOpening = { ok: true; table: OpenedTable } | { ok: false; code: ReasonCode; params?: ReasonParams };

/** Passes bytes through while counting and hashing them; past `maxBytes` the read fails with file_too_large. */
function tapBytes(
  source: Readable,
  maxBytes: number,
): { stream: Readable; bytesRead: () => number; checksum: () => string } {
  const hash = createHash("sha256");
  let bytes = 0;
  let digest: string | null = null;
  const tap = new PassThrough({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      if (bytes > maxBytes) return callback(new TableReadError("file_too_large", null, { limitBytes: maxBytes }));
      callback(null, chunk);
    },
  });
  source.on("error", (error) => tap.destroy(error));
  tap.on("close", () => source.destroy());
  source.pipe(tap);
  return {
    stream: tap,
    bytesRead: () => bytes,
    checksum: () => (digest ??= hash.digest("hex")),
  };
}

/**
 * Opens a CSV or XLSX file for streaming, after sniffing its format, encoding and delimiter; `budgets` bound the
 * bytes read and, for XLSX, what its parts inflate to.
 */
export async function openTable(
  source: ImportSource,
  options: ReadOptions = {},
  budgets: ImportBudgets = DEFAULT_IMPORT_BUDGETS,
): Promise<TableOpening> {
  if (source.size !== undefined && source.size > budgets.maxBytes)
    return { ok: false, code: "file_too_large", params: { sizeBytes: source.size, limitBytes: budgets.maxBytes } };
  const sniff = await sniffFile(source, options.encoding);
  if (sniff.format === "empty") return { ok: false, code: "empty_file" };
  if (sniff.format === "invalid") return { ok: false, code: sniff.code, params: sniff.params };
  if (sniff.format === "xlsx") {
    let meta: WorkbookMeta | null = null;
    let failure = "";
    for (let attempt = 1; attempt <= XLSX_READ_ATTEMPTS && meta === null; attempt++) {
      try {
        meta = await readWorkbookMeta(source.open(), { budgets, compressedBytes: source.size ?? null });
      } catch (error) {
        // A spent budget is the file's own doing: reading it again would only spend it again.
        if (error instanceof TableReadError) return { ok: false, code: error.code, params: error.params };
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    if (meta === null) return { ok: false, code: "unreadable_xlsx", params: { detail: failure } };
    // A retried read starts a fresh tap, so the checksum always covers one whole read.
    let tapped = tapBytes(new PassThrough().end(), budgets.maxBytes);
    const open = () => (tapped = tapBytes(source.open(), budgets.maxBytes)).stream;
    const info: TableInfo = { format: "xlsx", encoding: null, delimiter: null, sheet: options.sheet ?? null };
    const rows = readXlsxRows(open, { meta, sheet: options.sheet, onSheet: (name) => (info.sheet = name) });
    return { ok: true, table: { info, rows, bytesRead: () => tapped.bytesRead(), checksum: () => tapped.checksum() } };
  }
  const tapped = tapBytes(source.open(), budgets.maxBytes);
  const delimiter = options.delimiter ?? detectDelimiter(sniff.sample);
  const thread =
    options.parseThread ?? (source.size !== undefined && source.size >= CSV_WORKER_MIN_BYTES ? "worker" : "calling");
  const rows = readCsvRows(tapped.stream, { encoding: sniff.encoding, delimiter, thread });
  return {
    ok: true,
    table: {
      info: { format: "csv", encoding: sniff.encoding, delimiter, sheet: null },
      rows,
      bytesRead: tapped.bytesRead,
      checksum: tapped.checksum,
    },
  };
}

/** SHA-256 (hex) of a whole source, streamed. */
export async function hashSource(source: ImportSource): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of source.open()) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
