import { createHash } from "node:crypto";
import type { CustomerRecord, DepositRecord, FeeRecord, LoanRecord, ProjectRecord } from "@creditseg/core";
import type { RawQuery } from "@creditseg/db";
import { createInterner } from "./intern-text";

/** Everything a run reads for one period, as compact core records (no ORM rows are kept). */
export type PeriodData = {
  period: string;
  customers: CustomerRecord[];
  loans: LoanRecord[];
  deposits: DepositRecord[];
  fees: FeeRecord[];
  projects: ProjectRecord[];
  /** SHA-256 over every record read, in reading order: two runs with the same value read the same data. */
  dataChecksum: string;
};

export type LoadProgress = {
  kind: keyof Omit<PeriodData, "period" | "dataChecksum">;
  rowsRead: number;
  isDone: boolean;
};

/** Rows per page: bounds the driver's memory for a page while keeping round trips few at a million loans. */
const PAGE_SIZE = 20_000;

const num = (text: string | null): number | null => (text === null ? null : Number(text));
const fen = (text: string | null): bigint | null => (text === null ? null : BigInt(text));

export type Pager<Row, Out> = {
  /** SELECT with `$1` = period and `$2` = the last key of the previous page (null on the first), ordered by the key, limited by `$3`. */
  sql: string;
  keyOf: (row: Row) => string;
  toRecord: (row: Row) => Out;
};

/** A table of accounts, also read for a range of customers: `$1` = period, `$2`..`$3` = first and last customer id. */
type AccountPager<Row, Out> = Pager<Row, Out> & { byCustomersSql: string };

/**
 * Reads a table page by page (keyset pagination on its natural key), handing each converted row to `sink` as it
 * arrives and hashing the row as read; returns the rows read.
 */
export async function readPaged<Row, Out>(
  raw: RawQuery,
  period: string,
  pager: Pager<Row, Out>,
  hash: ReturnType<typeof createHash>,
  onPage: (rowsRead: number, isDone: boolean) => void,
  sink: (record: Out) => void,
): Promise<number> {
  let count = 0;
  let lastKey: string | null = null;
  for (;;) {
    const rows: Row[] = await raw<Row>(pager.sql, [period, lastKey, PAGE_SIZE]);
    for (const row of rows) {
      sink(pager.toRecord(row));
      hash.update(JSON.stringify(row));
      hash.update("\n");
    }
    count += rows.length;
    onPage(count, rows.length < PAGE_SIZE);
    if (rows.length < PAGE_SIZE) return count;
    lastKey = pager.keyOf(rows[rows.length - 1]!);
  }
}

/** Reads a whole table into records (see readPaged). */
async function readAll<Row, Out>(
  raw: RawQuery,
  period: string,
  pager: Pager<Row, Out>,
  hash: ReturnType<typeof createHash>,
  onPage: (rowsRead: number, isDone: boolean) => void,
): Promise<Out[]> {
  const out: Out[] = [];
  await readPaged(raw, period, pager, hash, onPage, (record) => out.push(record));
  return out;
}

type CustomerRow = {
  customer_id: string;
  name: string;
  industry: string;
  region: string;
  size: CustomerRecord["size"];
  credit_rating: string | null;
  officer: string;
  debt_ratio_pct: string | null;
  current_ratio: string | null;
  roa_pct: string | null;
  revenue_fen: string | null;
  default_count: number;
};

/** Shared by every read of customers: their repeating columns are kept once per value (see createInterner). */
const intern = createInterner();

/** Customers with any loan, deposit, fee line or project in the period: a customer without activity has no contribution to segment. */
export const CUSTOMERS: Pager<CustomerRow, CustomerRecord> = {
  sql: `select c.customer_id, c.name, c.industry, c.region, c.size::text as size, c.credit_rating, c.officer,
               c.debt_ratio_pct::text as debt_ratio_pct, c.current_ratio::text as current_ratio, c.roa_pct::text as roa_pct,
               c.revenue_fen::text as revenue_fen, c.default_count
          from customers c
         where ($2::text is null or c.customer_id > $2)
           and (exists (select 1 from loans x where x.period = $1 and x.customer_id = c.customer_id)
             or exists (select 1 from deposits x where x.period = $1 and x.customer_id = c.customer_id)
             or exists (select 1 from fee_income x where x.period = $1 and x.customer_id = c.customer_id)
             or exists (select 1 from projects x where x.period = $1 and x.customer_id = c.customer_id))
         order by c.customer_id limit $3`,
  keyOf: (r) => r.customer_id,
  toRecord: (r) => ({
    customerId: r.customer_id,
    name: r.name,
    industry: intern(r.industry),
    region: intern(r.region),
    size: intern(r.size) as CustomerRecord["size"],
    creditRating: r.credit_rating === null ? null : intern(r.credit_rating),
    officer: intern(r.officer),
    debtRatioPct: num(r.debt_ratio_pct),
    currentRatio: num(r.current_ratio),
    roaPct: num(r.roa_pct),
    revenueFen: fen(r.revenue_fen),
    defaultCount: r.default_count,
  }),
};

type LoanRow = {
  loan_id: string;
  customer_id: string;
  product: string;
  amount_fen: string;
  rate_pct: string;
  term_months: number;
  start_date: string;
  maturity_date: string;
  guarantee: LoanRecord["guarantee"];
  classification: LoanRecord["classification"];
  avg_daily_balance_fen: string;
  days: number;
};

const LOAN_COLUMNS = `loan_id, customer_id, product, amount_fen::text as amount_fen, rate_pct::text as rate_pct, term_months,
               start_date::text as start_date, maturity_date::text as maturity_date, guarantee::text as guarantee,
               classification::text as classification, avg_daily_balance_fen::text as avg_daily_balance_fen, days`;

export const LOANS: AccountPager<LoanRow, LoanRecord> = {
  sql: `select ${LOAN_COLUMNS}
          from loans where period = $1 and ($2::text is null or loan_id > $2) order by loan_id limit $3`,
  byCustomersSql: `select ${LOAN_COLUMNS}
          from loans where period = $1 and customer_id between $2 and $3 order by customer_id, loan_id`,
  keyOf: (r) => r.loan_id,
  toRecord: (r) => ({
    loanId: r.loan_id,
    customerId: r.customer_id,
    product: r.product,
    amountFen: BigInt(r.amount_fen),
    ratePct: r.rate_pct,
    termMonths: r.term_months,
    startDate: r.start_date,
    maturityDate: r.maturity_date,
    guarantee: r.guarantee,
    classification: r.classification,
    avgDailyBalanceFen: BigInt(r.avg_daily_balance_fen),
    days: r.days,
  }),
};

type DepositRow = {
  account_id: string;
  customer_id: string;
  product: DepositRecord["product"];
  avg_daily_balance_fen: string;
  rate_pct: string;
  days: number;
  term_months: number;
};

const DEPOSIT_COLUMNS = `account_id, customer_id, product::text as product, avg_daily_balance_fen::text as avg_daily_balance_fen, rate_pct::text as rate_pct, days, term_months`;

export const DEPOSITS: AccountPager<DepositRow, DepositRecord> = {
  sql: `select ${DEPOSIT_COLUMNS}
          from deposits where period = $1 and ($2::text is null or account_id > $2) order by account_id limit $3`,
  byCustomersSql: `select ${DEPOSIT_COLUMNS}
          from deposits where period = $1 and customer_id between $2 and $3 order by customer_id, account_id`,
  keyOf: (r) => r.account_id,
  toRecord: (r) => ({
    accountId: r.account_id,
    customerId: r.customer_id,
    product: r.product,
    avgDailyBalanceFen: BigInt(r.avg_daily_balance_fen),
    ratePct: r.rate_pct,
    days: r.days,
    termMonths: r.term_months,
  }),
};

type FeeRow = { line_key: string; customer_id: string; type: string; amount_fen: string; date: string };

const FEE_COLUMNS = `line_key, customer_id, type, amount_fen::text as amount_fen, date::text as date`;

export const FEES: AccountPager<FeeRow, FeeRecord> = {
  sql: `select ${FEE_COLUMNS}
          from fee_income where period = $1 and ($2::text is null or line_key > $2) order by line_key limit $3`,
  byCustomersSql: `select ${FEE_COLUMNS}
          from fee_income where period = $1 and customer_id between $2 and $3 order by customer_id, line_key`,
  keyOf: (r) => r.line_key,
  toRecord: (r) => ({
    lineKey: r.line_key,
    customerId: r.customer_id,
    type: r.type,
    amountFen: BigInt(r.amount_fen),
    date: r.date,
  }),
};

type ProjectRow = {
  project_id: string;
  customer_id: string;
  name: string;
  industry: string;
  region: string;
  total_investment_fen: string;
  loan_amount_fen: string;
  risk_level: string;
  status: string;
  overdue_days: number;
  is_downgraded: boolean;
};

export const PROJECTS: Pager<ProjectRow, ProjectRecord> = {
  sql: `select project_id, customer_id, name, industry, region, total_investment_fen::text as total_investment_fen, loan_amount_fen::text as loan_amount_fen,
               risk_level, status, overdue_days, is_downgraded
          from projects where period = $1 and ($2::text is null or project_id > $2) order by project_id limit $3`,
  keyOf: (r) => r.project_id,
  toRecord: (r) => ({
    projectId: r.project_id,
    customerId: r.customer_id,
    name: r.name,
    industry: r.industry,
    region: r.region,
    totalInvestmentFen: BigInt(r.total_investment_fen),
    loanAmountFen: BigInt(r.loan_amount_fen),
    riskLevel: r.risk_level,
    status: r.status,
    overdueDays: r.overdue_days,
    isDowngraded: r.is_downgraded,
  }),
};

/**
 * Loads one period's data in pages of 20,000 rows, in a fixed order (each table's natural key), so the same data
 * always reaches the pipeline in the same order: k-means with a fixed seed then gives the same clusters.
 */
export async function loadPeriodData(
  raw: RawQuery,
  period: string,
  onProgress?: (progress: LoadProgress) => void,
): Promise<PeriodData> {
  const hash = createHash("sha256");
  const report = (kind: LoadProgress["kind"]) => (rowsRead: number, isDone: boolean) =>
    onProgress?.({ kind, rowsRead, isDone });
  const customers = await readAll(raw, period, CUSTOMERS, hash.update("customers\n"), report("customers"));
  const loans = await readAll(raw, period, LOANS, hash.update("loans\n"), report("loans"));
  const deposits = await readAll(raw, period, DEPOSITS, hash.update("deposits\n"), report("deposits"));
  const fees = await readAll(raw, period, FEES, hash.update("fees\n"), report("fees"));
  const projects = await readAll(raw, period, PROJECTS, hash.update("projects\n"), report("projects"));
  return { period, customers, loans, deposits, fees, projects, dataChecksum: hash.digest("hex") };
}

/** The accounts of a range of customers, each table ordered by customer then its key: each customer's accounts in the order a whole-table read meets them. */
export type CustomerAccounts = { loans: LoanRecord[]; deposits: DepositRecord[]; fees: FeeRecord[] };

/** Reads the loans, deposits and fee lines of the customers from `firstId` to `lastId` (inclusive) in one period. */
export async function readCustomerAccounts(
  raw: RawQuery,
  period: string,
  firstId: string,
  lastId: string,
): Promise<CustomerAccounts> {
  const read = async <Row, Out>(pager: AccountPager<Row, Out>) =>
    (await raw<Row>(pager.byCustomersSql, [period, firstId, lastId])).map(pager.toRecord);
  return { loans: await read(LOANS), deposits: await read(DEPOSITS), fees: await read(FEES) };
}
