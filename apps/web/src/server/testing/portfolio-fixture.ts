import type { Classification, ImportKind } from "@creditseg/core/constants";
import { listCustomers, resolveRun, type CustomerListRow } from "@creditseg/db";
import { seedDefaultPolicy } from "@creditseg/db/seed";
import { startRun } from "@creditseg/engine";
import { bufferSource, commitImport } from "@creditseg/ingest";
import type { TestApp } from "./test-app";

export const FIXTURE_PERIOD = "2025";

/** What a customer's files say; what the run makes of them (tier, grade, contribution) is read back from the run. */
type FixtureCustomer = {
  customerId: string;
  officer: string;
  /** Loan amount and average daily balance, fen. */
  loanBalanceFen: bigint;
  classification: Classification;
};

/** Two officers' books: O001 holds C001 and C003, O002 holds C002 and C004; C003 and C004 are non-performing. */
export const FIXTURE_CUSTOMERS: readonly FixtureCustomer[] = [
  { customerId: "C001", officer: "O001", loanBalanceFen: 1_000_000_000n, classification: "normal" },
  { customerId: "C002", officer: "O002", loanBalanceFen: 2_000_000_000n, classification: "normal" },
  { customerId: "C003", officer: "O001", loanBalanceFen: 300_000_000n, classification: "substandard" },
  { customerId: "C004", officer: "O002", loanBalanceFen: 4_000_000_000n, classification: "doubtful" },
];

/** Fen as the import's yuan amount with two decimals (the files' unit). */
function yuan(fen: bigint): string {
  return `${fen / 100n}.${String(fen % 100n).padStart(2, "0")}`;
}

const FILES: Record<Exclude<ImportKind, "fees" | "ftp">, string[]> = {
  customers: [
    "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
    ...FIXTURE_CUSTOMERS.map(
      (c) => `${c.customerId},企业 ${c.customerId},manufacturing,east,small,A,${c.officer},55,1.4,5,30000000,0`,
    ),
  ],
  loans: [
    "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days",
    ...FIXTURE_CUSTOMERS.map(
      (c) =>
        `L${c.customerId},${c.customerId},working_capital,${yuan(c.loanBalanceFen)},4.35,12,2025-01-01,2025-12-31,collateral,${c.classification},${yuan(c.loanBalanceFen)},360`,
    ),
  ],
  deposits: [
    "account_id,customer_id,product,avg_daily_balance,rate,days,term_months",
    ...FIXTURE_CUSTOMERS.map((c) => `D${c.customerId},${c.customerId},demand,5000000.00,0.35,360,0`),
  ],
  projects: [
    "project_id,customer_id,name,industry,region,total_investment,loan_amount,risk_level,status,overdue_days,downgraded",
    ...FIXTURE_CUSTOMERS.map(
      (c) =>
        `P${c.customerId},${c.customerId},项目 ${c.customerId},infrastructure,east,100000000.00,50000000.00,medium,construction,${c.classification === "normal" ? 0 : 95},否`,
    ),
  ],
};

export type SeededPortfolio = {
  runId: number;
  /** The committed import batch of each file, by kind: run 1 read every one of them. */
  batchIds: Record<keyof typeof FILES, string>;
  /** The run's stored row per customer, by customer id: tier, grade, contribution as the engine computed them. */
  results: readonly CustomerListRow[];
};

/**
 * A small finished portfolio made the way a bank makes one: the default policy active as version 1, four customers
 * with one loan, one deposit and one project each loaded through the import, and run 1 (current for 2025) executed
 * by the engine as `startedBy`. Nothing the engine writes is built here.
 */
export async function seedPortfolio(app: TestApp, startedBy: string): Promise<SeededPortfolio> {
  const { handle } = app;
  const batchIds: Partial<Record<keyof typeof FILES, string>> = {};
  await seedDefaultPolicy(handle.raw, { effectiveFrom: "2025-01-01", proposedBy: startedBy, approvedBy: null });
  for (const [kind, lines] of Object.entries(FILES) as [keyof typeof FILES, string[]][]) {
    const report = await commitImport({
      handle,
      kind,
      period: kind === "customers" ? undefined : FIXTURE_PERIOD,
      file: bufferSource(`${kind}.csv`, new TextEncoder().encode(`${lines.join("\n")}\n`)),
      actor: { id: startedBy, role: "risk_manager" },
    });
    if (report.status !== "committed" || !report.batchId)
      throw new Error(`fixture ${kind} not imported: ${JSON.stringify([...report.fileRejects, ...report.rejects])}`);
    batchIds[kind] = report.batchId;
  }
  const outcome = await (
    await startRun(handle, { actor: { id: startedBy, role: "risk_manager" }, period: FIXTURE_PERIOD })
  ).completion;
  if (outcome.status !== "succeeded") throw new Error(`fixture run failed: ${outcome.error}`);
  const run = await resolveRun(handle.db, { runId: outcome.runId });
  const results = await listCustomers(handle.db, {
    run,
    scope: "all",
    filter: {},
    sort: "customerId",
    direction: "asc",
    limit: FIXTURE_CUSTOMERS.length,
    after: null,
  });
  return { runId: outcome.runId, batchIds: batchIds as SeededPortfolio["batchIds"], results };
}
