import type Decimal from "decimal.js";
import type { DepositRecord, FeeRecord, LoanRecord } from "../records";
import type { Policy } from "../policy/policy-schema";
import { Dec, toDecimal } from "../money/decimal";
import { divideRoundHalfEven } from "../money/fen";
import { describeFtpBucket, findFtpBucketIndex, type FtpSelection, type PricingBucket } from "./select-ftp-bucket";
import type { PricingCurve } from "./ftp-curve";

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

export type LoanAccountInput = Pick<
  LoanRecord,
  "loanId" | "customerId" | "avgDailyBalanceFen" | "ratePct" | "termMonths" | "days"
>;
export type DepositAccountInput = Pick<
  DepositRecord,
  "accountId" | "customerId" | "avgDailyBalanceFen" | "ratePct" | "termMonths" | "days"
>;

/**
 * A margin (annual percent) as the exact fraction `scaled ÷ 10^scale`, with `denominator` = 10^scale × 100 × basis
 * already folded in, so an account's contribution in fen is balance × scaled × days ÷ denominator.
 */
type ScaledMargin = { text: string; scaled: bigint; denominator: bigint };

/** One FTP bucket with its selection (shared by every account in it) and the margins met so far, keyed by rate text. */
type BucketContext = { selection: FtpSelection; margins: Map<string, ScaledMargin> };

type ContributionContext = {
  taxRatePct: string;
  basis: bigint;
  oneMinusTax: Decimal;
  curve: PricingCurve | Policy["ftp"];
  /** Per side and bucket: portfolios reuse few distinct rates, so each margin is computed once. */
  buckets: Record<AccountSide, BucketContext[]>;
};

/** Contexts per policy (priced on its own curve) and per policy × uploaded curve. */
const contexts = new WeakMap<
  Policy,
  { own?: ContributionContext; byCurve: WeakMap<PricingCurve, ContributionContext> }
>();

function getContext(policy: Policy, curve: PricingCurve | undefined): ContributionContext {
  let entry = contexts.get(policy);
  if (!entry) {
    entry = { byCurve: new WeakMap() };
    contexts.set(policy, entry);
  }
  const cached = curve ? entry.byCurve.get(curve) : entry.own;
  if (cached) return cached;
  const tax = toDecimal(policy.taxRate);
  const pricing = curve ?? policy.ftp;
  const bucketsOf = (side: readonly (PricingBucket | Policy["ftp"]["loan"][number])[]): BucketContext[] =>
    side.map((_bucket, index) => ({ selection: describeFtpBucket(side, index), margins: new Map() }));
  const context: ContributionContext = {
    taxRatePct: tax.toString(),
    basis: BigInt(policy.dayCountBasis),
    oneMinusTax: new Dec(1).minus(tax.dividedBy(100)),
    curve: pricing,
    buckets: { loan: bucketsOf(pricing.loan), deposit: bucketsOf(pricing.deposit) },
  };
  if (curve) entry.byCurve.set(curve, context);
  else entry.own = context;
  return context;
}

function toScaledMargin(margin: Decimal, basis: bigint): ScaledMargin {
  const scale = margin.decimalPlaces();
  const denominator = 10n ** BigInt(scale);
  return {
    text: margin.toFixed(),
    scaled: BigInt(margin.times(denominator.toString()).toFixed(0)),
    denominator: denominator * 100n * basis,
  };
}

function getMargin(
  context: ContributionContext,
  side: AccountSide,
  bucket: BucketContext,
  ratePct: string,
): ScaledMargin {
  let margin = bucket.margins.get(ratePct);
  if (!margin) {
    const rate = new Dec(ratePct);
    const ftpRate = new Dec(bucket.selection.ratePct);
    margin = toScaledMargin(
      side === "loan" ? rate.times(context.oneMinusTax).minus(ftpRate) : ftpRate.minus(rate),
      context.basis,
    );
    bucket.margins.set(ratePct, margin);
  }
  return margin;
}

/**
 * Decimal.js fixes each margin exactly (few distinct values); the per-account product then runs in bigint,
 * because balance × margin × days ÷ (100 × basis) is a rational whose fen rounding must be exact.
 */
function computeAccountContribution(
  side: AccountSide,
  accountId: string,
  account: { customerId: string; avgDailyBalanceFen: bigint; ratePct: string; termMonths: number; days: number },
  policy: Policy,
  curve: PricingCurve | undefined,
): AccountContribution {
  const context = getContext(policy, curve);
  const bucket = context.buckets[side][findFtpBucketIndex(context.curve[side], account.termMonths)]!;
  const margin = getMargin(context, side, bucket, account.ratePct);
  const contributionFen = marginFen(margin, account.avgDailyBalanceFen, account.days);
  return {
    side,
    accountId,
    customerId: account.customerId,
    avgDailyBalanceFen: account.avgDailyBalanceFen,
    ratePct: account.ratePct,
    termMonths: account.termMonths,
    days: account.days,
    ftp: bucket.selection,
    taxRatePct: side === "loan" ? context.taxRatePct : null,
    dayCountBasis: policy.dayCountBasis,
    marginPct: margin.text,
    contributionFen,
  };
}

/** balance × margin ÷ 100 × days ÷ basis, in fen, rounded half to even (the denominator folds in 100 × basis). */
function marginFen(margin: ScaledMargin, avgDailyBalanceFen: bigint, days: number): bigint {
  return divideRoundHalfEven(avgDailyBalanceFen * margin.scaled * BigInt(days), margin.denominator);
}

/** Prices one account to the fen: the figure of calculateLoanContribution / calculateDepositContribution alone. */
export type AccountPricer = (
  side: AccountSide,
  avgDailyBalanceFen: bigint,
  ratePct: string,
  termMonths: number,
  days: number,
) => bigint;

/**
 * The contribution rule without its trace, for totals over a whole portfolio: the same bucket, margin and rounding as
 * computeAccountContribution, with none of the per-account objects (a million loans priced in a fraction of a second).
 */
export function createAccountPricer(policy: Policy, curve?: PricingCurve): AccountPricer {
  const context = getContext(policy, curve);
  return (side, avgDailyBalanceFen, ratePct, termMonths, days) => {
    const bucket = context.buckets[side][findFtpBucketIndex(context.curve[side], termMonths)]!;
    return marginFen(getMargin(context, side, bucket, ratePct), avgDailyBalanceFen, days);
  };
}

/**
 * Loan contribution (fen) = avg daily balance (fen) × [rate × (1 − tax) − FTP] ÷ 100 × days ÷ basis,
 * rates in annual percent, rounded to the fen half to even. FTP from `curve` (see resolveFtpCurve), else the policy's.
 */
export function calculateLoanContribution(
  loan: LoanAccountInput,
  policy: Policy,
  curve?: PricingCurve,
): AccountContribution {
  return computeAccountContribution("loan", loan.loanId, loan, policy, curve);
}

/**
 * Deposit contribution (fen) = avg daily balance (fen) × (FTP − rate) ÷ 100 × days ÷ basis,
 * rates in annual percent (demand deposits: term 0), rounded to the fen half to even.
 */
export function calculateDepositContribution(
  deposit: DepositAccountInput,
  policy: Policy,
  curve?: PricingCurve,
): AccountContribution {
  return computeAccountContribution("deposit", deposit.accountId, deposit, policy, curve);
}

/** One customer's contribution sums, fen, without the per-account lines. */
export type ContributionTotal = { depositFen: bigint; loanFen: bigint; feeFen: bigint; totalFen: bigint };

/** Accounts and fee lines summed per customer as they arrive (see createContributionTotals). */
export type ContributionTotals = {
  addAccount: (
    side: AccountSide,
    customerId: string,
    avgDailyBalanceFen: bigint,
    ratePct: string,
    termMonths: number,
    days: number,
  ) => void;
  addFee: (customerId: string, amountFen: bigint) => void;
  /** The sums so far; customers with no account or fee line are absent. */
  totals: ReadonlyMap<string, ContributionTotal>;
};

/**
 * Each customer's contribution sums from accounts and fee lines fed one at a time (a million loans streamed from the
 * database): every account priced by createAccountPricer and rounded before it is added, as calculateContributions does.
 */
export function createContributionTotals(policy: Policy, curve?: PricingCurve): ContributionTotals {
  const price = createAccountPricer(policy, curve);
  const totals = new Map<string, ContributionTotal>();
  const totalOf = (customerId: string) => {
    let total = totals.get(customerId);
    if (!total) totals.set(customerId, (total = { depositFen: 0n, loanFen: 0n, feeFen: 0n, totalFen: 0n }));
    return total;
  };
  return {
    addAccount(side, customerId, avgDailyBalanceFen, ratePct, termMonths, days) {
      const fen = price(side, avgDailyBalanceFen, ratePct, termMonths, days);
      const total = totalOf(customerId);
      if (side === "loan") total.loanFen += fen;
      else total.depositFen += fen;
      total.totalFen += fen;
    },
    addFee(customerId, amountFen) {
      const total = totalOf(customerId);
      total.feeFen += amountFen;
      total.totalFen += amountFen;
    },
    totals,
  };
}

/** One fee income line (中间业务收入) as it counts in a contribution: its amount in fen, as is. */
export type FeeLine = { lineKey: string; customerId: string; amountFen: bigint };

/** A customer's contribution: the sum of its accounts' rounded figures plus fee income, all in fen. */
export type CustomerContribution = {
  customerId: string;
  depositFen: bigint;
  loanFen: bigint;
  feeFen: bigint;
  totalFen: bigint;
  /** Deposits then loans, each in input order: the per-account lines a run stores. */
  accounts: AccountContribution[];
  /** Fee lines in input order. */
  fees: FeeLine[];
};

export function createEmptyContribution(customerId: string): CustomerContribution {
  return { customerId, depositFen: 0n, loanFen: 0n, feeFen: 0n, totalFen: 0n, accounts: [], fees: [] };
}

export type ContributionInputs = {
  loans: readonly LoanAccountInput[];
  deposits: readonly DepositAccountInput[];
  fees: readonly Pick<FeeRecord, "lineKey" | "customerId" | "amountFen">[];
};

/**
 * Contributions for every customer that appears in the loans, deposits or fees (fen).
 * Each account is rounded to the fen before summing, so totals equal the sum of the printed figures.
 * Accounts are listed per customer in input order.
 */
export function calculateContributions(
  inputs: ContributionInputs,
  policy: Policy,
  curve?: PricingCurve,
): Map<string, CustomerContribution> {
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
    const account = calculateDepositContribution(deposit, policy, curve);
    const entry = entryFor(deposit.customerId);
    entry.depositFen += account.contributionFen;
    entry.accounts.push(account);
  }
  for (const loan of inputs.loans) {
    const account = calculateLoanContribution(loan, policy, curve);
    const entry = entryFor(loan.customerId);
    entry.loanFen += account.contributionFen;
    entry.accounts.push(account);
  }
  for (const fee of inputs.fees) {
    const entry = entryFor(fee.customerId);
    entry.feeFen += fee.amountFen;
    entry.fees.push({ lineKey: fee.lineKey, customerId: fee.customerId, amountFen: fee.amountFen });
  }
  for (const entry of byCustomer.values()) entry.totalFen = entry.depositFen + entry.loanFen + entry.feeFen;
  return byCustomer;
}

/** One customer's contribution from its own accounts and fees (fen); see calculateContributions. */
export function calculateCustomerContribution(
  customerId: string,
  inputs: ContributionInputs,
  policy: Policy,
  curve?: PricingCurve,
): CustomerContribution {
  return calculateContributions(inputs, policy, curve).get(customerId) ?? createEmptyContribution(customerId);
}
