import type Decimal from "decimal.js";
import type { DepositRecord, FeeRecord, LoanRecord } from "../records";
import type { Policy } from "../policy/policy-schema";
import { Dec, toDecimal } from "../money/decimal";
import { divideRoundHalfEven } from "../money/fen";
import { selectFtpBucket, type FtpSelection } from "./select-ftp-bucket";

export type AccountSide = "loan" | "deposit";

/** One account's contribution with every input used, so the figure can be recomputed by hand. */
export type AccountContribution = {
  side: AccountSide;
  accountId: string;
  customerId: string;
  avgDailyBalanceFen: bigint;
  /** Executed rate, annual percent. */
  ratePct: string;
  termMonths: number;
  days: number;
  ftp: FtpSelection;
  /** Tax and surcharge on interest income, percent; null for deposits (no interest income). */
  taxRatePct: string | null;
  dayCountBasis: number;
  /** Margin in annual percent: loan = rate × (1 − tax) − FTP; deposit = FTP − rate. */
  marginPct: string;
  /** avg balance × margin ÷ 100 × days ÷ basis, rounded to the fen half to even. */
  contributionFen: bigint;
};

export type LoanAccountInput = Pick<LoanRecord, "loanId" | "customerId" | "avgDailyBalanceFen" | "ratePct" | "termMonths" | "days">;
export type DepositAccountInput = Pick<DepositRecord, "accountId" | "customerId" | "avgDailyBalanceFen" | "ratePct" | "termMonths" | "days">;

/** A margin as an exact fraction `scaled ÷ 10^scale` of one percent, for bigint arithmetic in hot loops. */
type ScaledMargin = { text: string; scaled: bigint; denominator: bigint };

type ContributionContext = {
  taxRatePct: string;
  basis: bigint;
  /** Keyed by side, bucket and rate text: portfolios reuse few distinct rates, so each margin is computed once. */
  margins: Map<string, ScaledMargin>;
  oneMinusTax: Decimal;
};

const contexts = new WeakMap<Policy, ContributionContext>();

function getContext(policy: Policy): ContributionContext {
  let context = contexts.get(policy);
  if (!context) {
    const tax = toDecimal(policy.taxRate);
    context = { taxRatePct: tax.toString(), basis: BigInt(policy.dayCountBasis), margins: new Map(), oneMinusTax: new Dec(1).minus(tax.dividedBy(100)) };
    contexts.set(policy, context);
  }
  return context;
}

function toScaledMargin(margin: Decimal): ScaledMargin {
  const scale = margin.decimalPlaces();
  const denominator = 10n ** BigInt(scale);
  return { text: margin.toFixed(), scaled: BigInt(margin.times(denominator.toString()).toFixed(0)), denominator };
}

function getMargin(context: ContributionContext, side: AccountSide, ftp: FtpSelection, ratePct: string): ScaledMargin {
  const key = `${side}|${ftp.bucketIndex}|${ratePct}`;
  let margin = context.margins.get(key);
  if (!margin) {
    const rate = new Dec(ratePct);
    const ftpRate = new Dec(ftp.ratePct);
    margin = toScaledMargin(side === "loan" ? rate.times(context.oneMinusTax).minus(ftpRate) : ftpRate.minus(rate));
    context.margins.set(key, margin);
  }
  return margin;
}

/**
 * Decimal.js fixes each margin exactly (few distinct values); the per-account product then runs in bigint,
 * because balance × margin × days ÷ (100 × basis) is a rational whose fen rounding must be exact.
 */
function computeAccountContribution(
  side: AccountSide,
  account: { accountId: string; customerId: string; avgDailyBalanceFen: bigint; ratePct: string; termMonths: number; days: number },
  policy: Policy,
): AccountContribution {
  const context = getContext(policy);
  const ftp = selectFtpBucket(side === "loan" ? policy.ftp.loan : policy.ftp.deposit, account.termMonths);
  const margin = getMargin(context, side, ftp, account.ratePct);
  const numerator = account.avgDailyBalanceFen * margin.scaled * BigInt(account.days);
  const denominator = margin.denominator * 100n * context.basis;
  return {
    side,
    accountId: account.accountId,
    customerId: account.customerId,
    avgDailyBalanceFen: account.avgDailyBalanceFen,
    ratePct: account.ratePct,
    termMonths: account.termMonths,
    days: account.days,
    ftp,
    taxRatePct: side === "loan" ? context.taxRatePct : null,
    dayCountBasis: policy.dayCountBasis,
    marginPct: margin.text,
    contributionFen: divideRoundHalfEven(numerator, denominator),
  };
}

/**
 * Loan contribution (fen) = avg daily balance (fen) × [rate × (1 − tax) − FTP] ÷ 100 × days ÷ basis,
 * rates in annual percent, rounded to the fen half to even.
 */
export function calculateLoanContribution(loan: LoanAccountInput, policy: Policy): AccountContribution {
  return computeAccountContribution("loan", { ...loan, accountId: loan.loanId }, policy);
}

/**
 * Deposit contribution (fen) = avg daily balance (fen) × (FTP − rate) ÷ 100 × days ÷ basis,
 * rates in annual percent (demand deposits: term 0), rounded to the fen half to even.
 */
export function calculateDepositContribution(deposit: DepositAccountInput, policy: Policy): AccountContribution {
  return computeAccountContribution("deposit", deposit, policy);
}

/** A customer's contribution: the sum of its accounts' rounded figures plus fee income, all in fen. */
export type CustomerContribution = {
  customerId: string;
  depositFen: bigint;
  loanFen: bigint;
  feeFen: bigint;
  totalFen: bigint;
  accounts: AccountContribution[];
};

export function createEmptyContribution(customerId: string): CustomerContribution {
  return { customerId, depositFen: 0n, loanFen: 0n, feeFen: 0n, totalFen: 0n, accounts: [] };
}

export type ContributionInputs = {
  loans: readonly LoanAccountInput[];
  deposits: readonly DepositAccountInput[];
  fees: readonly Pick<FeeRecord, "customerId" | "amountFen">[];
};

/**
 * Contributions for every customer that appears in the loans, deposits or fees (fen).
 * Each account is rounded to the fen before summing, so totals equal the sum of the printed figures.
 * Accounts are listed per customer in input order.
 */
export function calculateContributions(inputs: ContributionInputs, policy: Policy): Map<string, CustomerContribution> {
  const byCustomer = new Map<string, CustomerContribution>();
  const entryFor = (customerId: string): CustomerContribution => {
    let entry = byCustomer.get(customerId);
    if (!entry) {
      entry = createEmptyContribution(customerId);
      byCustomer.set(customerId, entry);
    }
    return entry;
  };
  for (const deposit of inputs.deposits) {
    const account = calculateDepositContribution(deposit, policy);
    const entry = entryFor(deposit.customerId);
    entry.depositFen += account.contributionFen;
    entry.accounts.push(account);
  }
  for (const loan of inputs.loans) {
    const account = calculateLoanContribution(loan, policy);
    const entry = entryFor(loan.customerId);
    entry.loanFen += account.contributionFen;
    entry.accounts.push(account);
  }
  for (const fee of inputs.fees) entryFor(fee.customerId).feeFen += fee.amountFen;
  for (const entry of byCustomer.values()) entry.totalFen = entry.depositFen + entry.loanFen + entry.feeFen;
  return byCustomer;
}

/** One customer's contribution from its own accounts and fees (fen); see calculateContributions. */
export function calculateCustomerContribution(customerId: string, inputs: ContributionInputs, policy: Policy): CustomerContribution {
  return calculateContributions(inputs, policy).get(customerId) ?? createEmptyContribution(customerId);
}
