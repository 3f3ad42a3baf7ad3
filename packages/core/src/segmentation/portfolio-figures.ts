import { NON_PERFORMING, type Classification } from "../constants";
import { ratioPct } from "../money/ratio";

export type NplFigure = {
  /** Non-performing (substandard, doubtful, loss) loan balance, fen. */
  nplFen: bigint;
  /** All loan balance, fen. */
  totalFen: bigint;
  /** nplFen ÷ totalFen, percent with two decimals; null when there is no balance. */
  ratioPct: string | null;
  loanCount: number;
};

export type NplLoan = { classification: Classification; balanceFen: bigint };

const NPL_SET: ReadonlySet<Classification> = new Set(NON_PERFORMING);

/** A running NPL tally; `ratioPct` is filled by finishNpl. */
export function createNplFigure(): NplFigure {
  return { nplFen: 0n, totalFen: 0n, ratioPct: null, loanCount: 0 };
}

/** Adds one loan (balance in fen) to an NPL tally. */
export function addToNpl(figure: NplFigure, loan: NplLoan): void {
  figure.totalFen += loan.balanceFen;
  figure.loanCount++;
  if (NPL_SET.has(loan.classification)) figure.nplFen += loan.balanceFen;
}

/** Sets the NPL ratio (不良贷款率) = NPL balance ÷ total balance, percent, two decimals half to even. */
export function finishNpl(figure: NplFigure): NplFigure {
  figure.ratioPct = ratioPct(figure.nplFen, figure.totalFen);
  return figure;
}

export type Concentration = {
  /** Number of customers in the top slice (rounded up, at least 1 when there are customers). */
  customerCount: number;
  contributionFen: bigint;
  /** Their share of the portfolio's total contribution, percent with two decimals; null when the total is ≤ 0. */
  sharePct: string | null;
};

/** How many of `customerCount` customers the top `topPct` percent holds: rounded up, at least 1 when there are any. */
export function topSliceCount(customerCount: number, topPct: number): number {
  return customerCount === 0 ? 0 : Math.max(1, Math.ceil((customerCount * topPct) / 100));
}

/**
 * Contribution concentration: the share of total contribution earned from the top `topPct` percent of customers,
 * ranked by contribution (fen). A non-positive total has no meaningful share, hence null.
 */
export function measureConcentration(
  sortedDescendingFen: readonly bigint[],
  totalFen: bigint,
  topPct: number,
): Concentration {
  const customerCount = topSliceCount(sortedDescendingFen.length, topPct);
  let contributionFen = 0n;
  for (let i = 0; i < customerCount; i++) contributionFen += sortedDescendingFen[i]!;
  const sharePct = totalFen <= 0n ? null : ratioPct(contributionFen, totalFen);
  return { customerCount, contributionFen, sharePct };
}
