import type { HeaderMapping } from "../headers/match-headers";
import { IngestError } from "../ingest-error";
import { PROGRESS_EVERY_ROWS, type ProgressListener } from "../progress";
import type { ReadOptions } from "../read/open-table";
import type { ImportSource } from "../source";
import type { KindSpec } from "../specs/column-spec";
import { prepareFile } from "../validate/prepare-file";

/**
 * The commit pass: streams the file again and yields each accepted row as COPY values (period
 * first for periodic kinds). Rows the validation rejected are skipped by row number; a file whose
 * bytes changed since validation (checksum) aborts the transaction.
 */
export async function* streamAcceptedRows(args: {
  spec: KindSpec;
  source: ImportSource;
  readOptions: ReadOptions;
  mapping: HeaderMapping;
  period: string;
  rejectedRows: ReadonlySet<number>;
  checksum: string;
  onProgress?: ProgressListener;
}): AsyncGenerator<unknown[]> {
  const { spec, period, rejectedRows } = args;
  const preparation = await prepareFile({ kind: spec.kind, source: args.source, readOptions: args.readOptions, mapping: args.mapping });
  if (!preparation.ok) throw new IngestError("file_changed", "the file could not be read again as validated");
  const { file } = preparation;
  let rowsProcessed = 0;
  for await (const tableRow of file.dataRows) {
    rowsProcessed++;
    if (rowsProcessed % PROGRESS_EVERY_ROWS === 0) {
      await args.onProgress?.({ phase: "staging", rowsProcessed, bytesRead: file.table.bytesRead(), totalBytes: args.source.size ?? null });
    }
    if (rejectedRows.has(tableRow.rowNumber)) continue;
    const { row } = file.parseRow(tableRow.rowNumber, tableRow.cells);
    if (row === null) throw new IngestError("file_changed", `row ${tableRow.rowNumber} no longer validates`);
    const values: unknown[] = spec.isPeriodic ? [period] : [];
    for (const field of spec.dbFields) values.push(row[field]);
    yield values;
  }
  if (file.table.checksum() !== args.checksum) throw new IngestError("file_changed", "the file changed between validation and commit");
  await args.onProgress?.({ phase: "staging", rowsProcessed, bytesRead: file.table.bytesRead(), totalBytes: args.source.size ?? null });
}
