import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { readCsvRowsInWorker, startCsvWorker } from "./csv-thread";
import { readInBatches } from "./read-batches";
import { verifyEncodingLines } from "./verify-encoding";
import { type TableRow, type TableRows, TableReadError } from "./table-row";

/** A CSV record longer than this (characters) is a damaged file, not data: the parser stops there. */
export const MAX_RECORD_CHARS = 1024 * 1024;

const PARSER_ERRORS: Record<string, "line_too_long" | "unclosed_quote" | "malformed_quotes"> = {
  CSV_MAX_RECORD_SIZE: "line_too_long",
  CSV_QUOTE_NOT_CLOSED: "unclosed_quote",
  CSV_INVALID_CLOSING_QUOTE: "malformed_quotes",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "malformed_quotes",
  // A quote in the middle of an unquoted field (csv-parse names this one without the CSV_ prefix).
  INVALID_OPENING_QUOTE: "malformed_quotes",
};

type ParserApi = {
  __onRecord: (...args: unknown[]) => unknown;
  __push: (...args: unknown[]) => unknown;
  state: { record: unknown[]; expectedRecordLength: number };
  info: { lines: number };
};

/**
 * csv-parse builds a CsvError (stack trace and a JSON copy of its context, about 0.3 ms) for every record whose
 * width differs from the first one, even with relax_column_count, and throws it away: a file of 2,000,000 short
 * rows then costs ten minutes. Widths are checked per row by the row parser (truncated_row / extra_cells), so the
 * parser is told each record has the expected width. Without the internal shape it stays slow, never wrong.
 */
function skipWidthCheck(parser: object): void {
  const api = (parser as { api?: Partial<ParserApi> }).api;
  const onRecord = api?.__onRecord;
  if (!api || typeof onRecord !== "function" || !api.state) return;
  api.__onRecord = function (this: ParserApi, ...args: unknown[]) {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

/** Line numbers in the order their records come out; `next` takes the oldest. */
type EndLineQueue = { next: () => number };

/**
 * csv-parse's `info` option copies its whole state into two new objects per record (a quarter of the parse); the
 * line count, the one figure read, is queued as each record is emitted instead (without on_record, every __push
 * emits exactly one record, so the queue and the records stay in step). Returns the queue, or null when the internal
 * shape is not there: the caller then asks for `info` and stays slow, never wrong. One input chunk of short lines
 * queues tens of thousands at once, so the queue is read by index (Array.shift would copy it per record).
 */
function queueEndLines(parser: object): EndLineQueue | null {
  const api = (parser as { api?: Partial<ParserApi> }).api;
  const push = api?.__push;
  if (!api || typeof push !== "function" || typeof api.info?.lines !== "number") return null;
  let lines: number[] = [];
  let head = 0;
  api.__push = function (this: ParserApi, ...args: unknown[]) {
    lines.push(this.info.lines);
    return push.apply(this, args);
  };
  return {
    next: () => {
      const line = lines[head++]!;
      if (head >= 4096 && head * 2 >= lines.length) {
        lines = lines.slice(head);
        head = 0;
      }
      return line;
    },
  };
}

/**
 * Line breaks inside a record's cells, and how many more the parser counted: csv-parse counts a CRLF inside quotes as
 * two lines (a lone CR or LF as one), so from such a record on its line count runs ahead of the file's.
 */
function lineBreaksIn(cells: readonly string[]): { breaks: number; overcounted: number } {
  let breaks = 0;
  let overcounted = 0;
  for (const cell of cells) {
    if (!cell.includes("\n") && !cell.includes("\r")) continue;
    breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
    overcounted += cell.match(/\r\n/g)?.length ?? 0;
  }
  return { breaks, overcounted };
}

/** Where a CSV file is parsed: a worker thread beside the one validating its rows, or the calling thread. */
export type CsvThread = "worker" | "calling";

/**
 * Streams the records of a CSV file's bytes decoded from `encoding` (a BOM is dropped; every line is checked against
 * the encoding, see verifyEncodingLines), in batches; memory stays bounded by a few batches of records. Row numbers
 * are the line a record starts on. With `thread: "worker"` the decoding and parsing run in a worker thread, so the
 * calling thread only validates; a worker that cannot start leaves the parsing here. Both run parseCsvRows: the
 * same records, row numbers and errors either way.
 */
export async function* readCsvRows(
  bytes: Readable,
  options: { encoding: string; delimiter: string; thread: CsvThread },
): TableRows {
  const worker = options.thread === "worker" ? await startCsvWorker() : null;
  const parsing = { encoding: options.encoding, delimiter: options.delimiter };
  yield* worker ? readCsvRowsInWorker(worker, bytes, parsing) : parseCsvRows(bytes, parsing);
}

/** The parsing itself, on whichever thread runs it; see readCsvRows. */
export async function* parseCsvRows(bytes: Readable, options: { encoding: string; delimiter: string }): TableRows {
  const parserOptions = {
    delimiter: options.delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    bom: true,
  };
  let parser = parse({ ...parserOptions, info: false });
  const endLines = queueEndLines(parser);
  if (!endLines) parser = parse({ ...parserOptions, info: true });
  skipWidthCheck(parser);
  const piping = pipeline(
    bytes,
    verifyEncodingLines(options.encoding),
    iconv.decodeStream(options.encoding),
    parser,
  ).catch(() => undefined);
  let lastLine = 0;
  let overcountedLines = 0;
  try {
    for await (const items of readInBatches<string[] | { record: string[]; info: { lines: number } }>(parser)) {
      const rows: TableRow[] = [];
      for (const item of items) {
        const cells = Array.isArray(item) ? item : item.record;
        const countedEnd = Array.isArray(item) ? endLines!.next() : item.info.lines;
        // A record the parser ends on the line after the previous one starts there; otherwise blank lines were
        // skipped before it, or its quoted cells hold line breaks: it starts as many lines before its end as it
        // holds breaks (the end corrected for the CRLFs the parser counted twice).
        let endLine = countedEnd - overcountedLines;
        let rowNumber = endLine;
        if (endLine !== lastLine + 1) {
          const { breaks, overcounted } = lineBreaksIn(cells);
          overcountedLines += overcounted;
          endLine -= overcounted;
          rowNumber = endLine - breaks;
        }
        lastLine = endLine;
        rows.push({ rowNumber, cells });
      }
      yield rows;
    }
  } catch (error) {
    const parserError = error as { code?: string; lines?: number };
    const code = PARSER_ERRORS[parserError.code ?? ""];
    // The parser reads ahead of this loop, so its own line count locates the damage.
    if (code)
      throw new TableReadError(
        code,
        parserError.lines === undefined ? lastLine + 1 : parserError.lines - overcountedLines,
      );
    throw error;
  } finally {
    bytes.destroy();
    await piping;
  }
}
