import type { CustomerRecord, DepositRecord, FeeRecord, LoanRecord, ProjectRecord } from "../records";
import { CUSTOMER_GROUP_ATTRIBUTES, PROJECT_GROUP_ATTRIBUTES } from "./attributes";
import type { CategoricalColumn, NumericColumn } from "./mixed-table";

const fenToYuan = (fen: bigint): number => Number(fen) / 100;
const share = (part: number, whole: number): number => (whole > 0 ? part / whole : Number.NaN);

/** Columns for `encodeMixedTable`, in the attribute lists' order. */
export type AttributeColumns = { numeric: NumericColumn[]; categorical: CategoricalColumn[] };

/** A customer's product usage for grouping, in CNY: loan balance (in total and by guarantee), deposit balance, fee income. */
export type CustomerUsage = { byGuarantee: Map<string, number>; loan: number; deposit: number; fee: number };

/**
 * Adds accounts' product usage to `usage` (by customer id), on average daily balances and fee amounts. A run adds its
 * customers page by page: each customer's accounts arrive together, in the same order, so the sums are the same.
 */
export function addCustomerUsage(
  usage: Map<string, CustomerUsage>,
  records: {
    loans: Iterable<Pick<LoanRecord, "customerId" | "avgDailyBalanceFen" | "guarantee">>;
    deposits: Iterable<Pick<DepositRecord, "customerId" | "avgDailyBalanceFen">>;
    fees: Iterable<Pick<FeeRecord, "customerId" | "amountFen">>;
  },
): Map<string, CustomerUsage> {
  const usageOf = (customerId: string) => {
    let entry = usage.get(customerId);
    if (!entry) {
      entry = { byGuarantee: new Map(), loan: 0, deposit: 0, fee: 0 };
      usage.set(customerId, entry);
    }
    return entry;
  };
  for (const loan of records.loans) {
    const entry = usageOf(loan.customerId);
    const balance = fenToYuan(loan.avgDailyBalanceFen);
    entry.loan += balance;
    entry.byGuarantee.set(loan.guarantee, (entry.byGuarantee.get(loan.guarantee) ?? 0) + balance);
  }
  for (const deposit of records.deposits) usageOf(deposit.customerId).deposit += fenToYuan(deposit.avgDailyBalanceFen);
  for (const fee of records.fees) usageOf(fee.customerId).fee += fenToYuan(fee.amountFen);
  return usage;
}

/**
 * The customer-group attributes of each customer (in `customers` order): financial ratios and revenue from the
 * customer record, and product usage from its accounts (see addCustomerUsage) — guarantee mix and deposit share on
 * average daily balances, fee income summed. A share with nothing to divide (no loans; no balances) is missing (NaN), as
 * are ratios the bank did not supply. Revenue and fee income are floored at 0 (they are logged; a net fee reversal
 * is no negative usage). `main_guarantee` is the guarantee with the most balance ("none" without loans).
 */
export function buildCustomerAttributeColumns(args: {
  customers: readonly CustomerRecord[];
  usage: ReadonlyMap<string, CustomerUsage>;
}): AttributeColumns {
  const { usage } = args;
  const values: Record<string, number[]> = {};
  const categories: Record<string, string[]> = {};
  for (const { name } of CUSTOMER_GROUP_ATTRIBUTES.numeric) values[name] = [];
  for (const name of CUSTOMER_GROUP_ATTRIBUTES.categorical) categories[name] = [];
  for (const customer of args.customers) {
    const entry = usage.get(customer.customerId);
    const loan = entry?.loan ?? 0;
    const guarantee = (type: string) => entry?.byGuarantee.get(type) ?? 0;
    const row: Record<(typeof CUSTOMER_GROUP_ATTRIBUTES.numeric)[number]["name"], number> = {
      debt_ratio_pct: customer.debtRatioPct ?? Number.NaN,
      current_ratio: customer.currentRatio ?? Number.NaN,
      roa_pct: customer.roaPct ?? Number.NaN,
      revenue: customer.revenueFen === null ? Number.NaN : Math.max(0, fenToYuan(customer.revenueFen)),
      secured_share: share(guarantee("collateral") + guarantee("pledge"), loan),
      credit_share: share(guarantee("credit"), loan),
      deposit_share: share(entry?.deposit ?? 0, (entry?.deposit ?? 0) + loan),
      fee_income: Math.max(0, entry?.fee ?? 0),
    };
    for (const [name, value] of Object.entries(row)) values[name]!.push(value);
    let mainGuarantee = "none";
    let mainBalance = 0;
    for (const [type, balance] of [...(entry?.byGuarantee ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (balance > mainBalance) {
        mainBalance = balance;
        mainGuarantee = type;
      }
    }
    categories.industry!.push(customer.industry.trim());
    categories.size!.push(customer.size);
    categories.main_guarantee!.push(mainGuarantee);
  }
  return {
    numeric: CUSTOMER_GROUP_ATTRIBUTES.numeric.map((a) => ({
      name: a.name,
      values: values[a.name]!,
      log: "log" in a && a.log,
    })),
    categorical: CUSTOMER_GROUP_ATTRIBUTES.categorical.map((name) => ({ name, values: categories[name]! })),
  };
}

/** The project-group attributes of each project (in `projects` order); loan-to-investment is missing when investment is 0. */
export function buildProjectAttributeColumns(projects: readonly ProjectRecord[]): AttributeColumns {
  const numeric = {
    total_investment: projects.map((p) => fenToYuan(p.totalInvestmentFen)),
    loan_to_investment: projects.map((p) => share(fenToYuan(p.loanAmountFen), fenToYuan(p.totalInvestmentFen))),
    overdue_days: projects.map((p) => p.overdueDays),
  };
  const categorical = {
    industry: projects.map((p) => p.industry.trim()),
    region: projects.map((p) => p.region.trim()),
    risk_level: projects.map((p) => p.riskLevel.trim().toLowerCase()),
    status: projects.map((p) => p.status.trim()),
  };
  return {
    numeric: PROJECT_GROUP_ATTRIBUTES.numeric.map((a) => ({
      name: a.name,
      values: numeric[a.name],
      log: "log" in a && a.log,
    })),
    categorical: PROJECT_GROUP_ATTRIBUTES.categorical.map((name) => ({ name, values: categorical[name] })),
  };
}
