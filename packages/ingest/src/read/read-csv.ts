import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import iconv from "iconv-lite";
import { type TableRow, TableReadError } from "./table-row";

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

/**
 * csv-parse's `info` option copies its whole state into two new objects per record (a quarter of the parse); the
 * line count, the one figure read, is queued as each record is emitted instead (without on_record, every __push
 * emits exactly one record, so the queue and the records stay in step). Returns the queue, or null when the internal
 * shape is not there: the caller then asks for `info` and stays slow, never wrong.
 */
function queueEndLines(parser: object): number[] | null {
  const api = (parser as { api?: Partial<ParserApi> }).api;
  const push = api?.__push;
  if (!api || typeof push !== "function" || typeof api.info?.lines !== "number") return null;
  const endLines: number[] = [];
  api.__push = function (this: ParserApi, ...args: unknown[]) {
    endLines.push(this.info.lines);
    return push.apply(this, args);
  };
  return endLines;
}

/**
 * Streams the records of a CSV file decoded from `encoding` (a BOM is dropped); memory stays bounded
 * by one record. Row numbers are the line a record starts on.
 */
export async function* readCsvRows(
  bytes: Readable,
  options: { encoding: string; delimiter: string },
): AsyncGenerator<TableRow> {
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
  const piping = pipeline(bytes, iconv.decodeStream(options.encoding), parser).catch(() => undefined);
  let lastLine = 0;
  try {
    for await (const item of parser as AsyncIterable<string[] | { record: string[]; info: { lines: number } }>) {
      const rowNumber = lastLine + 1;
      if (Array.isArray(item)) {
        lastLine = endLines!.shift()!;
        yield { rowNumber, cells: item };
      } else {
        lastLine = item.info.lines;
        yield { rowNumber, cells: item.record };
      }
    }
  } catch (error) {
    const parserError = error as { code?: string; lines?: number };
    const code = PARSER_ERRORS[parserError.code ?? ""];
    // The parser reads ahead of this loop, so its own line count locates the damage.
    if (code) throw new TableReadError(code, parserError.lines ?? lastLine + 1);
    throw error;
  } finally {
    bytes.destroy();
    await piping;
  }
}
