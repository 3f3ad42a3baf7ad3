import type { Period } from "@creditseg/core/calendar";
import type { ImportKind } from "@creditseg/core/constants";
import { budgetReject, type ImportBudgets } from "../budgets";
import { type HeaderMapping, type HeaderMatch, matchHeaders } from "../headers/match-headers";
import { type OpenedTable, openTable, type ReadOptions } from "../read/open-table";
import { type TableRow, type TableRows, TableReadError } from "../read/table-row";
import { makeReject, type Reject } from "../reasons";
import type { KindSpec } from "../specs/column-spec";
import { KIND_SPECS } from "../specs";
import type { ImportSource } from "../source";
import { cellToText, isBlankCell } from "../values/cell";
import { createRowParser, type RowParser } from "./parse-row";

/** A file opened past its header, ready to stream data rows through the row parser. */
export type PreparedFile = {
  spec: KindSpec;
  table: OpenedTable;
  headers: string[];
  match: HeaderMatch;
  parseRow: RowParser;
  /** Non-blank data rows, after the header, in batches. */
  dataRows: TableRows;
};

export type Preparation =
  | { ok: true; file: PreparedFile }
  | { ok: false; table: OpenedTable | null; headers: string[]; match: HeaderMatch | null; rejects: Reject[] };

export function readErrorToReject(error: TableReadError): Reject {
  return makeReject({ code: error.code, rowNumber: error.rowNumber, params: error.params });
}

function headerRejects(match: HeaderMatch, headers: readonly string[]): Reject[] {
  if (match.bindings.length === 0 && headers.filter((header) => header.trim() !== "").length <= 1) {
    return [makeReject({ code: "unrecognised_delimiter", rowNumber: 1, value: headers.join("") })];
  }
  return [
    ...match.missing.map((column) =>
      makeReject({
        code: "missing_required_column",
        column: column.name,
        params: { column: column.name },
      }),
    ),
    ...match.duplicates.map((duplicate) =>
      makeReject({
        code: "duplicate_column",
        column: duplicate.column,
        value: duplicate.headers.join(", "),
        params: { headers: duplicate.headers },
      }),
    ),
  ];
}

async function* skipBlankRows(batches: TableRows): TableRows {
  for await (const batch of batches) {
    const kept = batch.filter((row) => row.cells.some((cell) => !isBlankCell(cell)));
    if (kept.length > 0) yield kept;
  }
}

/**
 * The rows of a first batch after its header, then the rest of the file. Not a generator function: a generator
 * closed before its first step never runs, so it could not close `rest`, and the reading behind it (the file, a CSV
 * worker thread) would stay open. Closing this one closes `rest` whenever it happens.
 */
function withRowsFirst(first: TableRow[], rest: TableRows): TableRows {
  let head: TableRow[] | null = first.length > 0 ? first : null;
  const rows: TableRows = {
    next: () => {
      if (head === null) return rest.next();
      const value = head;
      head = null;
      return Promise.resolve({ done: false, value });
    },
    return: (value) => {
      head = null;
      return rest.return(value);
    },
    throw: (error) => {
      head = null;
      return rest.throw(error);
    },
    [Symbol.asyncIterator]: () => rows,
  };
  return rows;
}

/**
 * Opens a file, finds its header (the first non-blank row) and binds it to the kind's columns.
 * Any problem with the file as a whole comes back as rejects instead.
 */
export async function prepareFile(args: {
  kind: ImportKind;
  source: ImportSource;
  readOptions: ReadOptions;
  mapping: HeaderMapping;
  budgets: ImportBudgets;
  period: Period | null;
}): Promise<Preparation> {
  const spec = KIND_SPECS[args.kind];
  const opening = await openTable(args.source, args.readOptions, args.budgets);
  if (!opening.ok)
    return {
      ok: false,
      table: null,
      headers: [],
      match: null,
      rejects: [makeReject({ code: opening.code, params: opening.params })],
    };
  const { table } = opening;
  const nonBlankRows = skipBlankRows(table.rows);
  let first: IteratorResult<TableRow[]>;
  try {
    first = await nonBlankRows.next();
  } catch (error) {
    if (error instanceof TableReadError)
      return { ok: false, table, headers: [], match: null, rejects: [readErrorToReject(error)] };
    throw error;
  }
  if (first.done) return { ok: false, table, headers: [], match: null, rejects: [makeReject({ code: "empty_file" })] };
  const [headerRow, ...firstDataRows] = first.value;
  if (headerRow!.cells.length > args.budgets.maxCellsPerRow) {
    await nonBlankRows.return(undefined);
    const reject = budgetReject("too_many_cells", args.budgets.maxCellsPerRow, headerRow!.rowNumber);
    return { ok: false, table, headers: [], match: null, rejects: [reject] };
  }
  const headers = headerRow!.cells.map((cell) => cellToText(cell).trim());
  const match = matchHeaders(spec, headers, args.mapping);
  const rejects = headerRejects(match, headers);
  if (rejects.length > 0) {
    await nonBlankRows.return(undefined);
    return { ok: false, table, headers, match, rejects };
  }
  const parseRow = createRowParser({
    spec,
    bindings: match.bindings,
    headerWidth: headers.length,
    isFixedWidth: table.info.format === "csv",
    period: args.period,
  });
  const dataRows = withRowsFirst(firstDataRows, nonBlankRows);
  return { ok: true, file: { spec, table, headers, match, parseRow, dataRows } };
}
