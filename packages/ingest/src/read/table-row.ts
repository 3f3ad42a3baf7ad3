import type { ReasonCode, ReasonParams } from "../reasons";
import type { CellValue } from "../values/cell";

/** One row of a sheet or CSV file, numbered as the user sees it (header = row 1 in a typical file). */
export type TableRow = { rowNumber: number; cells: CellValue[] };

/** A table's rows in file order, in batches (none empty): one await per batch rather than per row. */
export type TableRows = AsyncGenerator<TableRow[]>;

/** A file that cannot be read further; the code becomes a file-level reject. */
export class TableReadError extends Error {
  constructor(
    readonly code: ReasonCode,
    readonly rowNumber: number | null = null,
    readonly params?: ReasonParams,
  ) {
    super(code);
    this.name = "TableReadError";
  }
}
