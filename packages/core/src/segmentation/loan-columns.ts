import { CLASSIFICATIONS, type Classification } from "../constants";
import { fenToYuanNumber } from "../money/fen";
import type { LoanRecord } from "../records";
import { ClusteringInputError } from "../clustering/clustering-error";

/**
 * What the portfolio-wide steps need of every loan, one entry per loan in reading order, in typed arrays:
 * about 20 bytes a loan plus 8 per clustering feature, where a loan record with its strings takes hundreds.
 * Everything per account (contribution, pricing) is computed customer by customer from the records instead.
 */
export type LoanColumns = {
  length: number;
  /** Index of the loan's customer in the run's customer list. */
  customerIndex: Int32Array;
  /** Average daily balance, fen (exact: an int64 holds any balance the database stores). */
  balanceFen: BigInt64Array;
  /** Index in CLASSIFICATIONS. */
  classification: Uint8Array;
  /** Clustering features in raw units (rate annual %, amount CNY, term months), row-major: length × features. */
  features: Float64Array;
  /** Clustering weight of each loan: its average daily balance in CNY. */
  weights: Float64Array;
};

/** A loan's value for a clustering feature in raw units: rate in annual %, amount in CNY, term in months. */
export function readLoanFeature(
  loan: Pick<LoanRecord, "ratePct" | "amountFen" | "termMonths">,
  feature: string,
): number {
  switch (feature) {
    case "rate":
      return Number(loan.ratePct);
    case "amount":
      return fenToYuanNumber(loan.amountFen);
    case "term_months":
      return loan.termMonths;
    default:
      throw new ClusteringInputError(`unknown loan feature "${feature}"`);
  }
}

const CLASSIFICATION_INDEX: ReadonlyMap<string, number> = new Map(CLASSIFICATIONS.map((c, i) => [c, i]));

export function classificationAt(columns: LoanColumns, index: number): Classification {
  return CLASSIFICATIONS[columns.classification[index]!]!;
}

/** Loan columns filled one loan at a time (the capacity grows by doubling), for loans read page by page. */
export class LoanColumnsBuilder {
  private columns: LoanColumns;
  constructor(
    private readonly features: readonly string[],
    capacity = 1024,
  ) {
    this.columns = allocate(Math.max(1, capacity), features.length);
    this.columns.length = 0;
  }

  push(
    loan: Pick<LoanRecord, "ratePct" | "amountFen" | "termMonths" | "avgDailyBalanceFen" | "classification">,
    customerIndex: number,
  ): void {
    const dims = this.features.length;
    let c = this.columns;
    if (c.length === c.customerIndex.length) c = this.columns = grow(c, dims);
    const i = c.length;
    const classification = CLASSIFICATION_INDEX.get(loan.classification);
    if (classification === undefined) throw new RangeError(`unknown classification "${loan.classification}"`);
    c.customerIndex[i] = customerIndex;
    c.balanceFen[i] = BigInt.asIntN(64, loan.avgDailyBalanceFen);
    if (c.balanceFen[i] !== loan.avgDailyBalanceFen) throw new RangeError("loan balance outside int64 fen");
    c.classification[i] = classification;
    for (let f = 0; f < dims; f++) c.features[i * dims + f] = readLoanFeature(loan, this.features[f]!);
    c.weights[i] = fenToYuanNumber(loan.avgDailyBalanceFen);
    c.length = i + 1;
  }

  /** The columns, trimmed to the loans pushed (views on the same buffers: no copy). */
  finish(): LoanColumns {
    const c = this.columns;
    const dims = this.features.length;
    return {
      length: c.length,
      customerIndex: c.customerIndex.subarray(0, c.length),
      balanceFen: c.balanceFen.subarray(0, c.length),
      classification: c.classification.subarray(0, c.length),
      features: c.features.subarray(0, c.length * dims),
      weights: c.weights.subarray(0, c.length),
    };
  }
}

function allocate(capacity: number, dims: number): LoanColumns {
  return {
    length: capacity,
    customerIndex: new Int32Array(capacity),
    balanceFen: new BigInt64Array(capacity),
    classification: new Uint8Array(capacity),
    features: new Float64Array(capacity * dims),
    weights: new Float64Array(capacity),
  };
}

function grow(c: LoanColumns, dims: number): LoanColumns {
  const next = allocate(c.customerIndex.length * 2, dims);
  next.customerIndex.set(c.customerIndex);
  next.balanceFen.set(c.balanceFen);
  next.classification.set(c.classification);
  next.features.set(c.features);
  next.weights.set(c.weights);
  next.length = c.length;
  return next;
}

/** Loan columns of loan records (in their order), each loan's customer looked up in `customerIndexOf`. */
export function toLoanColumns(
  loans: readonly LoanRecord[],
  features: readonly string[],
  customerIndexOf: (customerId: string) => number,
): LoanColumns {
  const builder = new LoanColumnsBuilder(features, loans.length);
  for (const loan of loans) builder.push(loan, customerIndexOf(loan.customerId));
  return builder.finish();
}

/** Per-customer loan aggregates, indexed like the customer list. */
export type LoanTallies = {
  count: Int32Array;
  /** Sum of the customer's loans' average daily balance, fen. */
  balanceFen: bigint[];
  /** Worst classification, as an index in CLASSIFICATIONS (0, normal, without loans). */
  worstIndex: Uint8Array;
  /** Benefit segment: the cluster holding most of the customer's loan balance (ties: lower index); −1 for none. */
  benefitCluster: Int32Array;
};

/**
 * One pass over the loan columns: count, balance and worst class per customer, and the benefit segment from each
 * loan's cluster (−1: not clustered) with `clusterCount` clusters. Balance sums are exact (bigint per customer).
 */
export function tallyLoanColumns(
  columns: LoanColumns,
  loanClusters: Int32Array,
  customerCount: number,
  clusterCount: number,
): LoanTallies {
  const count = new Int32Array(customerCount);
  const worstIndex = new Uint8Array(customerCount);
  const balance: bigint[] = new Array<bigint>(customerCount).fill(0n);
  // Balance per customer × cluster, and whether the customer has a loan in the cluster at all (a zero balance counts).
  const byCluster = new BigInt64Array(customerCount * clusterCount);
  const hasCluster = new Uint8Array(customerCount * clusterCount);
  for (let i = 0; i < columns.length; i++) {
    const c = columns.customerIndex[i]!;
    count[c]!++;
    const fen = columns.balanceFen[i]!;
    balance[c] = balance[c]! + fen;
    if (columns.classification[i]! > worstIndex[c]!) worstIndex[c] = columns.classification[i]!;
    const cluster = loanClusters[i]!;
    if (cluster >= 0) {
      const cell = c * clusterCount + cluster;
      byCluster[cell] = byCluster[cell]! + fen;
      hasCluster[cell] = 1;
    }
  }
  const benefitCluster = new Int32Array(customerCount).fill(-1);
  for (let c = 0; c < customerCount; c++) {
    let best = -1;
    let bestBalance = 0n;
    for (let j = 0; j < clusterCount; j++) {
      const cell = c * clusterCount + j;
      if (!hasCluster[cell]) continue;
      // Clusters in ascending order: a tie keeps the lower index.
      if (best < 0 || byCluster[cell]! > bestBalance) {
        best = j;
        bestBalance = byCluster[cell]!;
      }
    }
    benefitCluster[c] = best;
  }
  return { count, balanceFen: balance, worstIndex, benefitCluster };
}
