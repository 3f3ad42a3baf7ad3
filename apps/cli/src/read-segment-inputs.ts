import { existsSync } from "node:fs";
import { join } from "node:path";
import type { CustomerRecord, DepositRecord, FeeRecord, LoanRecord, ProjectRecord } from "@creditseg/core";
import type { ImportKind } from "@creditseg/core/constants";
import {
  customerRowSchema,
  depositRowSchema,
  feeRowSchema,
  fileSource,
  loanRowSchema,
  projectRowSchema,
  readFileRows,
  type Reject,
  renderReason,
} from "@creditseg/ingest";
import type { z } from "zod";
import { CliError } from "./cli-error";

/**
 * Reads the `segment` command's files through ingest's column specs and row schemas: the same header aliases
 * (Chinese or English), encodings, units and checks (rates, days, dates, amounts, formula cells, choices) as
 * `creditseg import`, so a file the import rejects is rejected here too, with the same reasons.
 */

export type SegmentInputs = {
  customers: CustomerRecord[];
  loans: LoanRecord[];
  deposits: DepositRecord[];
  fees: FeeRecord[];
  projects: ProjectRecord[];
};

function describeReject(file: string, reject: Reject): string {
  const where = [
    reject.rowNumber === null ? null : `row ${reject.rowNumber}`,
    reject.column === null ? null : `column ${reject.column}`,
  ].filter((part) => part !== null);
  const value = reject.value === null ? "" : ` "${reject.value}"`;
  return `${[file, ...where].join(", ")}:${value} ${renderReason(reject, { locale: "en" })}`;
}

/** One file's valid rows, typed by the kind's row schema; the first problem fails the command naming file, row, column, value. */
async function readRows<Schema extends z.ZodType>(
  dir: string,
  file: string,
  kind: ImportKind,
  schema: Schema,
  { isOptional = false } = {},
): Promise<{ rowNumber: number; row: z.infer<Schema> }[]> {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (isOptional) return [];
    throw new CliError(`${file}: file not found in ${dir}`);
  }
  const read = await readFileRows({ kind, file: fileSource(path) });
  const first = read.fileRejects[0] ?? read.rejects[0];
  if (first) {
    const more = read.fileRejects.length + read.rejects.length - 1;
    throw new CliError(`${describeReject(file, first)}${more > 0 ? ` (and ${more} more problems)` : ""}`);
  }
  // Already checked by the same schema inside readFileRows; parsing again types the rows without an assertion.
  return read.rows.map(({ rowNumber, row }) => ({ rowNumber, row: schema.parse(row) }));
}

function assertUnique(file: string, column: string, rows: readonly { rowNumber: number; id: string }[]): void {
  const seen = new Map<string, number>();
  for (const { rowNumber, id } of rows) {
    const first = seen.get(id);
    if (first !== undefined)
      throw new CliError(`${file}, row ${rowNumber}, column ${column}: "${id}" duplicate id (same as row ${first})`);
    seen.set(id, rowNumber);
  }
}

function assertKnownCustomers(
  file: string,
  rows: readonly { rowNumber: number; row: { customerId: string } }[],
  known: ReadonlySet<string>,
): void {
  for (const { rowNumber, row } of rows) {
    if (!known.has(row.customerId))
      throw new CliError(
        `${file}, row ${rowNumber}, column customer_id: "${row.customerId}" unknown customer (not in customers.csv)`,
      );
  }
}

const toNumber = (text: string | null): number | null => (text === null ? null : Number(text));

/** Reads and checks customers.csv, loans.csv, deposits.csv, fees.csv and optional projects.csv from `dir` (amounts CNY). */
export async function readSegmentInputs(dir: string): Promise<SegmentInputs> {
  const customerRows = await readRows(dir, "customers.csv", "customers", customerRowSchema);
  const loanRows = await readRows(dir, "loans.csv", "loans", loanRowSchema);
  const depositRows = await readRows(dir, "deposits.csv", "deposits", depositRowSchema);
  const feeRows = await readRows(dir, "fees.csv", "fees", feeRowSchema);
  const projectRows = await readRows(dir, "projects.csv", "projects", projectRowSchema, { isOptional: true });

  assertUnique(
    "customers.csv",
    "customer_id",
    customerRows.map((r) => ({ rowNumber: r.rowNumber, id: r.row.customerId })),
  );
  assertUnique(
    "loans.csv",
    "loan_id",
    loanRows.map((r) => ({ rowNumber: r.rowNumber, id: r.row.loanId })),
  );
  assertUnique(
    "deposits.csv",
    "account_id",
    depositRows.map((r) => ({ rowNumber: r.rowNumber, id: r.row.accountId })),
  );
  assertUnique(
    "projects.csv",
    "project_id",
    projectRows.map((r) => ({ rowNumber: r.rowNumber, id: r.row.projectId })),
  );
  const known = new Set(customerRows.map((r) => r.row.customerId));
  assertKnownCustomers("loans.csv", loanRows, known);
  assertKnownCustomers("deposits.csv", depositRows, known);
  assertKnownCustomers("fees.csv", feeRows, known);
  assertKnownCustomers("projects.csv", projectRows, known);

  return {
    customers: customerRows.map(({ row }) => ({
      ...row,
      debtRatioPct: toNumber(row.debtRatioPct),
      currentRatio: toNumber(row.currentRatio),
      roaPct: toNumber(row.roaPct),
    })),
    loans: loanRows.map(({ row }) => row),
    deposits: depositRows.map(({ row }) => row),
    // Without a line id the import's finisher gives each line a content-hash key; the row number keeps keys unique here.
    fees: feeRows.map(({ rowNumber, row }) => ({ ...row, lineKey: row.lineKey ?? `fees.csv:${rowNumber}` })),
    projects: projectRows.map(({ row }) => row),
  };
}
