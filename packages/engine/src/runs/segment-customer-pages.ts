import {
  addCustomerUsage,
  calculateContributions,
  loanTallyAt,
  segmentCustomer,
  type CustomerContribution,
  type CustomerSegments,
  type CustomerUsage,
  type LoanClusterOutcome,
  type LoanTallies,
  type Policy,
  type PricingCurve,
  type SegmentOverride,
} from "@creditseg/core";
import type { BulkSession } from "@creditseg/db";
import { runFailureError } from "./run-failure";
import { readCustomerAccounts } from "../load/load-period-data";
import type { PeriodScan } from "../load/scan-period";
import { CONTRIBUTION_LINE_COLUMNS, contributionLineRows } from "./build-result-rows";

/**
 * Customers per page: about 10,000 loans at the demo world's ten loans a customer, one read and one COPY per table.
 * A page's rows outlive the young generation (the page waits on the database) and are promoted: smaller pages leave
 * less behind, and 1,000 a page took the same time as 2,000 with a lower peak at a million loans.
 */
const CUSTOMERS_PER_PAGE = 1_000;

/** What the portfolio-wide steps need of each customer, in the scan's customer order. */
export type CustomerPass = {
  /**
   * Each customer's results, rebuilt when asked from the contribution sums kept here (the lines are written): tens of
   * bytes a customer instead of the traces and points of every segment.
   */
  segments: CustomerSegments;
  usage: Map<string, CustomerUsage>;
  /** Sum of the customer's deposits' average daily balance, fen. */
  depositBalanceFen: BigInt64Array;
};

/** A sum in fen as a 64-bit column holds it; a sum past ±9.2 × 10^18 fen would wrap silently, so it stops the run. */
function int64(fen: bigint, what: string): bigint {
  if (BigInt.asIntN(64, fen) !== fen) throw new RangeError(`${what} ${fen} fen is outside the 64-bit range`);
  return fen;
}

/** Each customer's contribution sums (fen), in the scan's customer order. */
type ContributionSums = { deposit: BigInt64Array; loan: BigInt64Array; fee: BigInt64Array; total: BigInt64Array };

/**
 * The customers' segments as core computes them from the customer, its contribution's sums, its loan tally and the
 * override in force: the same inputs the page pass had, so the same results, made one at a time.
 */
function rebuiltSegments(
  scan: PeriodScan,
  tallies: LoanTallies,
  sums: ContributionSums,
  policy: Policy,
  overrides: ReadonlyMap<string, SegmentOverride>,
): CustomerSegments {
  const { customers } = scan;
  return {
    length: customers.length,
    at(index) {
      const customer = customers[index];
      if (!customer) return undefined;
      return segmentCustomer({
        customer,
        contribution: {
          customerId: customer.customerId,
          depositFen: sums.deposit[index]!,
          loanFen: sums.loan[index]!,
          feeFen: sums.fee[index]!,
          totalFen: sums.total[index]!,
          accounts: [],
          fees: [],
        },
        loans: loanTallyAt(tallies, index),
        policy,
        override: overrides.get(customer.customerId),
      });
    },
  };
}

/**
 * The loans of each customer as indices into the loan columns, ascending: customer c's loans are
 * `order[start[c]] .. order[start[c + 1] − 1]`, in the order of their ids, as a read ordered by customer then loan meets them.
 */
function indexLoansByCustomer(scan: PeriodScan, tallies: LoanTallies): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(scan.customers.length + 1);
  for (let c = 0; c < scan.customers.length; c++) start[c + 1] = start[c]! + tallies.count[c]!;
  const next = start.slice(0, scan.customers.length);
  const order = new Int32Array(scan.loans.length);
  for (let i = 0; i < scan.loans.length; i++) order[next[scan.loans.customerIndex[i]!]!++] = i;
  return { start, order };
}

const changed = (what: string) =>
  runFailureError(
    { code: "data_changed", params: { what } },
    `The period's data changed while the run read it (${what}); start the run again.`,
  );

/**
 * Reads the customers' accounts page by page (customers by id, each page's loans, deposits and fee lines together),
 * prices them, segments each customer and writes the page's contribution lines and cluster assignments by COPY
 * in the session's transaction. Only per-customer sums stay in memory; no account outlives its page.
 */
export async function segmentCustomerPages(args: {
  session: BulkSession;
  runId: number;
  scan: PeriodScan;
  clustering: LoanClusterOutcome;
  tallies: LoanTallies;
  policy: Policy;
  ftpCurve: PricingCurve;
  overrides: ReadonlyMap<string, SegmentOverride>;
  onPage: (customersDone: number, rowsCopied: number) => Promise<void>;
}): Promise<CustomerPass> {
  const { session, runId, scan, tallies } = args;
  const { customers, loans } = scan;
  const loanClusters = args.clustering.loanClusters;
  const byCustomer = indexLoansByCustomer(scan, tallies);
  const n = customers.length;
  const sums: ContributionSums = {
    deposit: new BigInt64Array(n),
    loan: new BigInt64Array(n),
    fee: new BigInt64Array(n),
    total: new BigInt64Array(n),
  };
  const usage = new Map<string, CustomerUsage>();
  const depositBalanceFen = new BigInt64Array(n);
  let rowsCopied = 0;
  for (let first = 0; first < customers.length; first += CUSTOMERS_PER_PAGE) {
    const last = Math.min(first + CUSTOMERS_PER_PAGE, customers.length) - 1;
    const accounts = await readCustomerAccounts(
      session.raw,
      scan.period,
      customers[first]!.customerId,
      customers[last]!.customerId,
    );
    const contributions = calculateContributions(accounts, args.policy, args.ftpCurve);
    addCustomerUsage(usage, accounts);
    const depositBalance = new Map<string, bigint>();
    for (const d of accounts.deposits)
      depositBalance.set(d.customerId, (depositBalance.get(d.customerId) ?? 0n) + d.avgDailyBalanceFen);

    // Each loan's place in the columns: the customer's j-th loan here is its j-th in loan-id order there.
    const offNormal = new Map<string, string>();
    const assignments: [number, string, number][] = [];
    let c = first;
    let j = 0;
    for (const loan of accounts.loans) {
      while (c <= last && customers[c]!.customerId !== loan.customerId) {
        if (j !== tallies.count[c]) throw changed(`loans of customer ${customers[c]!.customerId}`);
        c++;
        j = 0;
      }
      if (c > last || j >= tallies.count[c]!) throw changed(`loan ${loan.loanId}`);
      const index = byCustomer.order[byCustomer.start[c]! + j]!;
      if (loans.balanceFen[index] !== loan.avgDailyBalanceFen) throw changed(`loan ${loan.loanId}`);
      j++;
      if (loan.classification !== "normal") offNormal.set(loan.loanId, loan.classification);
      const cluster = loanClusters[index]!;
      if (cluster >= 0) assignments.push([runId, loan.loanId, cluster]);
    }
    for (; c <= last; c++, j = 0)
      if (j !== tallies.count[c]) throw changed(`loans of customer ${customers[c]!.customerId}`);

    const page: CustomerContribution[] = [];
    for (let i = first; i <= last; i++) {
      const customerId = customers[i]!.customerId;
      const contribution = contributions.get(customerId);
      if (contribution) {
        page.push(contribution);
        sums.deposit[i] = int64(contribution.depositFen, `deposit contribution of ${customerId}`);
        sums.loan[i] = int64(contribution.loanFen, `loan contribution of ${customerId}`);
        sums.fee[i] = int64(contribution.feeFen, `fee income of ${customerId}`);
        sums.total[i] = int64(contribution.totalFen, `contribution of ${customerId}`);
      }
      depositBalanceFen[i] = int64(depositBalance.get(customerId) ?? 0n, `deposit balance of ${customerId}`);
    }
    rowsCopied += await session.copyRows({
      table: "contribution_lines",
      columns: CONTRIBUTION_LINE_COLUMNS,
      rows: contributionLineRows(runId, page, (loanId) => offNormal.get(loanId)),
    });
    rowsCopied += await session.copyRows({
      table: "cluster_assignments",
      columns: ["run_id", "loan_id", "cluster_no"],
      rows: assignments,
    });
    await args.onPage(last + 1, rowsCopied);
  }
  return {
    segments: rebuiltSegments(scan, tallies, sums, args.policy, args.overrides),
    usage,
    depositBalanceFen,
  };
}
