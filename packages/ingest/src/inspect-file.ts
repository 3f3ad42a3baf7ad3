import type { ImportKind } from "@creditseg/core/constants";
import type { HeaderMapping } from "./headers/match-headers";
import { matchHeaders } from "./headers/match-headers";
import type { ReadOptions, TableInfo } from "./read/open-table";
import { TableReadError } from "./read/table-row";
import type { Reject } from "./reasons";
import { KIND_SPECS } from "./specs";
import type { ImportSource } from "./source";
import { cellToText, isBlankCell } from "./values/cell";
import { openTable } from "./read/open-table";
import { makeReject } from "./reasons";
import { readErrorToReject } from "./validate/prepare-file";

export type FileInspection = {
  table: TableInfo | null;
  headers: string[];
  /** First data rows as text, for a preview and for building a mapping. */
  previewRows: string[][];
  /** With a kind: how the headers bind, what is unknown, what is missing. */
  columns: { header: string; column: string }[];
  unknownHeaders: string[];
  missingColumns: string[];
  fileRejects: Reject[];
};

/**
 * Reads a file's format, encoding, delimiter, headers and first rows without validating or writing
 * anything: the upload preview, and the starting point of a saved column mapping.
 */
export async function inspectFile(args: {
  file: ImportSource;
  kind?: ImportKind;
  options?: ReadOptions & { mapping?: HeaderMapping };
  previewRows?: number;
}): Promise<FileInspection> {
  const inspection: FileInspection = {
    table: null,
    headers: [],
    previewRows: [],
    columns: [],
    unknownHeaders: [],
    missingColumns: [],
    fileRejects: [],
  };
  const opening = await openTable(args.file, args.options);
  if (!opening.ok) {
    inspection.fileRejects.push(makeReject({ code: opening.code, params: opening.params }));
    return inspection;
  }
  inspection.table = opening.table.info;
  const limit = args.previewRows ?? 10;
  try {
    reading: for await (const batch of opening.table.rows) {
      for (const row of batch) {
        if (row.cells.every(isBlankCell)) continue;
        const texts = row.cells.map((cell) => cellToText(cell).trim());
        if (inspection.headers.length === 0) inspection.headers = texts;
        else inspection.previewRows.push(texts);
        if (inspection.previewRows.length >= limit) break reading;
      }
    }
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    inspection.fileRejects.push(readErrorToReject(error));
  }
  if (inspection.headers.length === 0 && inspection.fileRejects.length === 0)
    inspection.fileRejects.push(makeReject({ code: "empty_file" }));
  if (args.kind && inspection.headers.length > 0) {
    const match = matchHeaders(KIND_SPECS[args.kind], inspection.headers, args.options?.mapping);
    inspection.columns = match.bindings.map((binding) => ({ header: binding.header, column: binding.spec.name }));
    inspection.unknownHeaders = match.unknownHeaders;
    inspection.missingColumns = match.missing.map((column) => column.name);
  }
  return inspection;
}
