import { createReadStream, existsSync } from "node:fs";
import { parse } from "csv-parse";
import { CliError } from "./cli-error";

/**
 * Streams a CSV with a header row and hands `onRow` the trimmed cells of the named columns, in `columns`
 * order, with the data row number (from 1, header excluded) and the file line. A missing file, an empty
 * file or a missing column is a CliError naming the file; `onRow` throws CliErrors for bad values.
 * Returns the number of data rows.
 */
export async function readCsvColumns(
  file: string,
  columns: readonly string[],
  onRow: (cells: string[], row: number, line: number) => void,
): Promise<number> {
  if (!existsSync(file)) throw new CliError(`${file}: file not found`);
  const parser = createReadStream(file).pipe(
    parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  let indexes: number[] | null = null;
  let rows = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!indexes) {
      const header = record;
      indexes = columns.map((column) => {
        const at = header.indexOf(column);
        if (at < 0) throw new CliError(`${file}: missing column "${column}" (header has ${header.join(", ")})`);
        return at;
      });
      continue;
    }
    rows++;
    onRow(
      indexes.map((at) => record[at] ?? ""),
      rows,
      info.lines,
    );
  }
  if (!indexes) throw new CliError(`${file}: empty file (no header row)`);
  return rows;
}
