import type { ImportKind } from "@creditseg/core/constants";
import { DEFAULT_IMPORT_BUDGETS } from "../budgets";
import type { HeaderMapping } from "../headers/match-headers";
import type { ReadOptions } from "../read/open-table";
import { TableReadError } from "../read/table-row";
import { makeReject, type Reject } from "../reasons";
import type { ImportSource } from "../source";
import { prepareFile, readErrorToReject } from "./prepare-file";

/** A file's rows checked by the kind's column specs and row schema, without a database. */
export type FileRows = {
  /** Rows that passed every cell and row rule, typed as the kind's row schema gives them, in file order. */
  rows: { rowNumber: number; row: Record<string, unknown> }[];
  /** Problems with the file as a whole (format, header, unreadable content). */
  fileRejects: Reject[];
  /** Row-level rejects (file, row, column, value, reason), in file order. */
  rejects: Reject[];
};

/**
 * Reads a file through the same column specs, unit-aware cell parsers and row schemas as an import (rates, days,
 * dates, amounts, formula cells, choices), but checks nothing against a database: for offline use such as the
 * CLI's `segment` command. Cross-file rules (unknown customers, keys repeated in the file) are the caller's.
 */
export async function readFileRows(args: {
  kind: ImportKind;
  file: ImportSource;
  options?: ReadOptions & { mapping?: HeaderMapping };
}): Promise<FileRows> {
  const { mapping = {}, ...readOptions } = args.options ?? {};
  // No period here: rows are checked by their specs only, not against a period's dates.
  const preparation = await prepareFile({
    kind: args.kind,
    source: args.file,
    readOptions,
    mapping,
    budgets: DEFAULT_IMPORT_BUDGETS,
    period: null,
  });
  if (!preparation.ok) return { rows: [], fileRejects: preparation.rejects, rejects: [] };
  const result: FileRows = { rows: [], fileRejects: [], rejects: [] };
  try {
    for await (const batch of preparation.file.dataRows) {
      for (const tableRow of batch) {
        const { row, rejects } = preparation.file.parseRow(tableRow.rowNumber, tableRow.cells);
        if (row === null) result.rejects.push(...rejects);
        else result.rows.push({ rowNumber: tableRow.rowNumber, row });
      }
    }
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    result.fileRejects.push(readErrorToReject(error));
  }
  if (result.rows.length === 0 && result.rejects.length === 0 && result.fileRejects.length === 0)
    result.fileRejects.push(makeReject({ code: "no_data_rows" }));
  return result;
}
