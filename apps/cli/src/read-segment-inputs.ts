import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import {
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS_ZH,
  DEPOSIT_PRODUCTS,
  ENTERPRISE_SIZES,
  GUARANTEE_TYPES,
  parseYuanToFen,
  type Classification,
  type CustomerRecord,
  type DepositRecord,
  type FeeRecord,
  type LoanRecord,
  type ProjectRecord,
} from "@creditseg/core";
import { CliError } from "./cli-error";

/**
 * Minimal reader for the `segment` command's plain UTF-8 CSV files with the upload templates' English headers.
 * Full header aliases, Chinese headers, GBK and XLSX belong to the ingest package.
 */

/** Highest executed or deposit rate accepted, annual percent: above this the value was almost surely typed in basis points (4350). */
export const MAX_PLAUSIBLE_RATE_PCT = 36;

export type SegmentInputs = {
  customers: CustomerRecord[];
  loans: LoanRecord[];
  deposits: DepositRecord[];
  fees: FeeRecord[];
  projects: ProjectRecord[];
};

type Row = Record<string, string>;

/** Reads one field of one row, failing with the file, row and column named. */
class RowReader {
  constructor(
    private readonly file: string,
    private readonly row: Row,
    private readonly rowNumber: number,
  ) {}

  fail(column: string, why: string): never {
    throw new CliError(`${this.file}, row ${this.rowNumber} (line ${this.rowNumber + 1}), column ${column}: ${why}`);
  }

  text(column: string): string {
    const value = this.row[column]?.trim() ?? "";
    if (value === "") this.fail(column, "empty value");
    return value;
  }

  optionalText(column: string): string | null {
    const value = this.row[column]?.trim() ?? "";
    return value === "" ? null : value;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], aliases: Record<string, T> = {}): T {
    const value = this.text(column);
    const normalized = value.toLowerCase();
    const match = allowed.find((a) => a === normalized) ?? aliases[value];
    if (!match) this.fail(column, `"${value}" is not one of ${allowed.join(", ")}`);
    return match;
  }

  fen(column: string, { allowNegative = false } = {}): bigint {
    const value = this.text(column);
    const fen = parseYuanToFen(value);
    if (fen === null) this.fail(column, `"${value}" is not a number`);
    if (!allowNegative && fen < 0n) this.fail(column, `${value} is negative`);
    return fen;
  }

  optionalFen(column: string): bigint | null {
    return this.optionalText(column) === null ? null : this.fen(column, { allowNegative: true });
  }

  integer(column: string, { min = 0 } = {}): number {
    const value = this.text(column);
    if (!/^[+-]?\d+$/.test(value)) this.fail(column, `"${value}" is not a whole number`);
    const number = Number(value);
    if (number < min) this.fail(column, `${value} is below ${min}${min === 0 ? " (negative)" : ""}`);
    return number;
  }

  optionalNumber(column: string): number | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) this.fail(column, `"${value}" is not a number`);
    return Number(value);
  }

  /** An annual-percent rate kept as its exact decimal text. */
  rate(column: string): string {
    const value = this.text(column).replace(/%$/, "");
    if (!/^\d+(\.\d+)?$/.test(value)) this.fail(column, `"${value}" is not a non-negative decimal rate`);
    if (Number(value) > MAX_PLAUSIBLE_RATE_PCT) {
      this.fail(
        column,
        `rate ${value} is not an annual percent (expected 0–${MAX_PLAUSIBLE_RATE_PCT}; write 4.35 for 4.35%)`,
      );
    }
    return value;
  }

  flag(column: string): boolean {
    const value = this.text(column).toLowerCase();
    if (["true", "1", "yes", "y", "是"].includes(value)) return true;
    if (["false", "0", "no", "n", "否"].includes(value)) return false;
    return this.fail(column, `"${value}" is not true/false`);
  }
}

const CLASSIFICATION_ALIASES = Object.fromEntries(
  Object.entries(CLASSIFICATION_LABELS_ZH).map(([code, zh]) => [zh, code as Classification]),
);

function readCsv<T>(
  dir: string,
  file: string,
  required: readonly string[],
  toRecord: (reader: RowReader) => T,
  { isOptional = false } = {},
): T[] {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (isOptional) return [];
    throw new CliError(`${file}: file not found in ${dir}`);
  }
  let rows: Row[];
  let header: string[] = [];
  try {
    rows = parse<Row>(readFileSync(path), {
      bom: true,
      skip_empty_lines: true,
      columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
    });
  } catch (error) {
    throw new CliError(`${file}: not readable as CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new CliError(`${file}, row 0 (header), column ${missing.join(", ")}: missing column`);
  return rows.map((row, index) => toRecord(new RowReader(file, row, index + 1)));
}

function assertUnique<T>(file: string, column: string, records: readonly T[], idOf: (record: T) => string): void {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const id = idOf(record);
    if (seen.has(id))
      throw new CliError(`${file}, row ${index + 1} (line ${index + 2}), column ${column}: duplicate id "${id}"`);
    seen.add(id);
  });
}

function assertKnownCustomers(
  file: string,
  records: readonly { customerId: string }[],
  known: ReadonlySet<string>,
): void {
  records.forEach((record, index) => {
    if (!known.has(record.customerId)) {
      throw new CliError(
        `${file}, row ${index + 1} (line ${index + 2}), column customer_id: unknown customer "${record.customerId}" (not in customers.csv)`,
      );
    }
  });
}

/** Reads and validates customers.csv, loans.csv, deposits.csv, fees.csv and optional projects.csv from `dir`. Amounts in the files are CNY. */
export function readSegmentInputs(dir: string): SegmentInputs {
  const customers = readCsv(
    dir,
    "customers.csv",
    ["customer_id", "name", "industry", "region", "size", "officer"],
    (r) => ({
      customerId: r.text("customer_id"),
      name: r.text("name"),
      industry: r.text("industry"),
      region: r.text("region"),
      size: r.oneOf("size", ENTERPRISE_SIZES),
      creditRating: r.optionalText("credit_rating"),
      officer: r.text("officer"),
      debtRatioPct: r.optionalNumber("debt_ratio"),
      currentRatio: r.optionalNumber("current_ratio"),
      roaPct: r.optionalNumber("roa"),
      revenueFen: r.optionalFen("revenue"),
      defaultCount: r.optionalText("default_count") === null ? 0 : r.integer("default_count"),
    }),
  );
  const loans = readCsv(
    dir,
    "loans.csv",
    [
      "loan_id",
      "customer_id",
      "product",
      "amount",
      "rate",
      "term_months",
      "guarantee",
      "classification",
      "avg_daily_balance",
      "days",
    ],
    (r) => ({
      loanId: r.text("loan_id"),
      customerId: r.text("customer_id"),
      product: r.text("product"),
      amountFen: r.fen("amount"),
      ratePct: r.rate("rate"),
      termMonths: r.integer("term_months"),
      startDate: r.optionalText("start_date") ?? "",
      maturityDate: r.optionalText("maturity_date") ?? "",
      guarantee: r.oneOf("guarantee", GUARANTEE_TYPES),
      classification: r.oneOf("classification", CLASSIFICATIONS, CLASSIFICATION_ALIASES),
      avgDailyBalanceFen: r.fen("avg_daily_balance"),
      days: r.integer("days"),
    }),
  );
  const deposits = readCsv(
    dir,
    "deposits.csv",
    ["account_id", "customer_id", "product", "avg_daily_balance", "rate", "days", "term_months"],
    (r) => ({
      accountId: r.text("account_id"),
      customerId: r.text("customer_id"),
      product: r.oneOf("product", DEPOSIT_PRODUCTS),
      avgDailyBalanceFen: r.fen("avg_daily_balance"),
      ratePct: r.rate("rate"),
      days: r.integer("days"),
      termMonths: r.integer("term_months"),
    }),
  );
  const fees = readCsv(dir, "fees.csv", ["customer_id", "type", "amount", "date"], (r) => ({
    customerId: r.text("customer_id"),
    type: r.text("type"),
    amountFen: r.fen("amount", { allowNegative: true }),
    date: r.optionalText("date") ?? "",
  }));
  const projects = readCsv(
    dir,
    "projects.csv",
    [
      "project_id",
      "customer_id",
      "name",
      "industry",
      "region",
      "total_investment",
      "loan_amount",
      "risk_level",
      "status",
      "overdue_days",
      "downgraded",
    ],
    (r) => ({
      projectId: r.text("project_id"),
      customerId: r.text("customer_id"),
      name: r.text("name"),
      industry: r.text("industry"),
      region: r.text("region"),
      totalInvestmentFen: r.fen("total_investment"),
      loanAmountFen: r.fen("loan_amount"),
      riskLevel: r.text("risk_level"),
      status: r.text("status"),
      overdueDays: r.integer("overdue_days"),
      isDowngraded: r.flag("downgraded"),
    }),
    { isOptional: true },
  );

  assertUnique("customers.csv", "customer_id", customers, (c) => c.customerId);
  assertUnique("loans.csv", "loan_id", loans, (l) => l.loanId);
  assertUnique("deposits.csv", "account_id", deposits, (d) => d.accountId);
  assertUnique("projects.csv", "project_id", projects, (p) => p.projectId);
  const known = new Set(customers.map((c) => c.customerId));
  assertKnownCustomers("loans.csv", loans, known);
  assertKnownCustomers("deposits.csv", deposits, known);
  assertKnownCustomers("fees.csv", fees, known);
  assertKnownCustomers("projects.csv", projects, known);
  return { customers, loans, deposits, fees, projects };
}
