import { CLASSIFICATIONS, GRADES, type Classification, type Grade } from "../constants";
import type { CustomerRecord, DepositRecord, FeeRecord, LoanRecord, ProjectRecord } from "../records";
import type { Policy } from "../policy/policy-schema";
import {
  calculateContributions,
  createEmptyContribution,
  type CustomerContribution,
} from "../contribution/calculate-contribution";
import { assignTier, type TierAssignment } from "../tiering/assign-tier";
import { assignGrade, type GradeAssignment } from "../grading/assign-grade";
import {
  buildTierClusterTable,
  findPreferredBundles,
  type PreferredBundle,
  type TierClusterTable,
} from "../recommendation/build-tier-cluster-table";
import { recommendBundle, type BundleRecommendation } from "../recommendation/recommend-bundle";
import { lookupGuidance, type CustomerGuidance } from "../recommendation/lookup-guidance";
import { groupProjects, type PreviousProjectGroup, type ProjectGrouping } from "../projects/group-projects";
import { compareSegmentations, type Migration, type MigrationCustomer } from "../migration/build-transition-matrix";
import {
  addToNpl,
  createNplFigure,
  finishNpl,
  measureConcentration,
  type Concentration,
  type NplFigure,
} from "./portfolio-figures";
import {
  driveFits,
  driveFitsWith,
  pauseStep,
  type ClusterMatch,
  type ClusteringResult,
  type FitSteps,
  type KMeansFit,
  type KMeansRequest,
} from "../clustering";
import { matchLoanClusters, stepClusterLoans } from "./cluster-loans";
import type { PricingCurve } from "../contribution/ftp-curve";
import { resolveEffectiveSegment, type EffectiveSegment, type SegmentOverride } from "./effective-segment";

export type SegmentedCustomer = {
  customerId: string;
  officer: string;
  contribution: CustomerContribution;
  /** Worst loan's classification; normal without loans. */
  classification: Classification;
  /** The computed tier and grade, with their traces. */
  tier: TierAssignment;
  grade: GradeAssignment;
  /** What the customer counts as: an override's tier / grade in force at the as-of date, else the computed ones. */
  effective: EffectiveSegment;
  /** Benefit segment: the cluster holding most of the customer's loan balance (ties: lower index); null without loans. */
  cluster: number | null;
  loanCount: number;
  /** Sum of the customer's loans' average daily balance, fen. */
  loanBalanceFen: bigint;
  recommendation: BundleRecommendation;
  guidance: CustomerGuidance;
};

/** What a previous run contributes to this one: comparisons only, never inputs to the figures. */
export type PreviousRun = {
  customers?: readonly MigrationCustomer[];
  projectGroups?: readonly PreviousProjectGroup[];
  /** Centroids of the previous run's clusters in raw units, for matching clusters across runs. */
  clusterCentroidsRaw?: readonly (readonly number[])[];
};

export type PortfolioFigures = {
  customerCount: number;
  loanCount: number;
  depositCount: number;
  totalContributionFen: bigint;
  /** Customers per effective tier / grade (overrides applied): what dashboards show. */
  tierCounts: Record<string, number>;
  gradeCounts: Record<Grade, number>;
  /** Customers per computed tier / grade, shown beside the effective counts. */
  computedTierCounts: Record<string, number>;
  computedGradeCounts: Record<Grade, number>;
  /** NPL by effective tier / grade. */
  npl: {
    overall: NplFigure;
    byTier: Record<string, NplFigure>;
    byGrade: Record<Grade, NplFigure>;
    byCluster: NplFigure[];
  };
  concentration: { top10Pct: Concentration; top20Pct: Concentration };
};

export type SegmentResult = {
  customers: SegmentedCustomer[];
  /** Null when there are no loans to cluster (or too few); see `clusteringSkippedReason`. */
  clusters: ClusteringResult | null;
  clusteringSkippedReason: string | null;
  /** Cluster of each loan, in input order (−1 when not clustered). */
  loanClusters: Int32Array;
  crossTable: TierClusterTable;
  /** Bundles the policy's first (highest) tier prefers, best first. */
  topTierPreferences: PreferredBundle[];
  projects: ProjectGrouping;
  portfolio: PortfolioFigures;
  migration: Migration | null;
  clusterMatches: ClusterMatch[] | null;
};

export type SegmentInput = {
  customers: readonly CustomerRecord[];
  loans: readonly LoanRecord[];
  deposits: readonly DepositRecord[];
  fees: readonly FeeRecord[];
  projects: readonly ProjectRecord[];
  policy: Policy;
  /** The FTP curve to price on (see resolveFtpCurve); default the policy's own. */
  ftpCurve?: PricingCurve;
  /** Approved overrides in force at the run's as-of date, by customer id. */
  overrides?: ReadonlyMap<string, SegmentOverride>;
  /** The previous run's EFFECTIVE tiers and grades, for migrations. */
  previous?: PreviousRun;
};

/** Raised when records refer to customers that are not in the customer list. */
export class SegmentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SegmentInputError";
  }
}

function assertKnownCustomers(
  known: ReadonlySet<string>,
  records: readonly { customerId: string }[],
  kind: string,
  idOf: (index: number) => string,
): void {
  for (let i = 0; i < records.length; i++) {
    if (!known.has(records[i]!.customerId))
      throw new SegmentInputError(`${kind} ${idOf(i)} refers to unknown customer ${records[i]!.customerId}`);
  }
}

/** Per-customer loan aggregates gathered in one pass over the loans. */
type LoanTally = { count: number; balanceFen: bigint; worstIndex: number; balanceByCluster: Map<number, bigint> };

function pickBenefitSegment(balanceByCluster: ReadonlyMap<number, bigint>): number | null {
  let best: number | null = null;
  let bestBalance = 0n;
  for (const [cluster, balance] of balanceByCluster) {
    if (best === null || balance > bestBalance || (balance === bestBalance && cluster < best)) {
      best = cluster;
      bestBalance = balance;
    }
  }
  return best;
}

/**
 * The whole segmentation of a portfolio, pure and deterministic (same input, policy and seed → same result):
 * contributions (fen), worst classification, tier, grade, loan clusters (benefit segments), the tier × cluster
 * table with the top tier's preferred bundles, per-customer recommendations, project groups with warnings,
 * and portfolio figures (NPL by tier / grade / cluster on average daily balance, contribution concentration).
 * Runs in O(n log n) over customers and loans plus the clustering's own cost.
 */
export function segmentPortfolio(input: SegmentInput): SegmentResult {
  return driveFits(stepSegmentPortfolio(input));
}

/**
 * `segmentPortfolio` with its k-means fits delegated to `fitKMeans` (see `driveFitsWith`): a server
 * runs the fits with pauses between restarts, so a million-loan run does not stop it answering.
 */
export function segmentPortfolioWith(
  input: SegmentInput,
  fitKMeans: (request: KMeansRequest) => Promise<KMeansFit>,
  pause?: () => Promise<void>,
): Promise<SegmentResult> {
  return driveFitsWith(stepSegmentPortfolio(input), fitKMeans, pause);
}

function* stepSegmentPortfolio(input: SegmentInput): FitSteps<SegmentResult> {
  const { policy } = input;
  const knownIds = new Set(input.customers.map((c) => c.customerId));
  assertKnownCustomers(knownIds, input.loans, "loan", (i) => input.loans[i]!.loanId);
  assertKnownCustomers(knownIds, input.deposits, "deposit", (i) => input.deposits[i]!.accountId);
  assertKnownCustomers(knownIds, input.fees, "fee", (i) => `row ${i + 1}`);
  assertKnownCustomers(knownIds, input.projects, "project", (i) => input.projects[i]!.projectId);

  const contributions = calculateContributions(
    { loans: input.loans, deposits: input.deposits, fees: input.fees },
    policy,
    input.ftpCurve,
  );
  yield* pauseStep();
  const clustering = yield* stepClusterLoans(input.loans, policy.clustering);
  const loanClusters = clustering.loanClusters;

  const tallies = new Map<string, LoanTally>();
  input.loans.forEach((loan, index) => {
    let tally = tallies.get(loan.customerId);
    if (!tally) {
      tally = { count: 0, balanceFen: 0n, worstIndex: 0, balanceByCluster: new Map() };
      tallies.set(loan.customerId, tally);
    }
    tally.count++;
    tally.balanceFen += loan.avgDailyBalanceFen;
    tally.worstIndex = Math.max(tally.worstIndex, CLASSIFICATIONS.indexOf(loan.classification));
    const cluster = loanClusters[index]!;
    if (cluster >= 0)
      tally.balanceByCluster.set(cluster, (tally.balanceByCluster.get(cluster) ?? 0n) + loan.avgDailyBalanceFen);
  });

  yield* pauseStep();
  const tierNames = policy.tiers.map((t) => t.name);
  const partial = input.customers.map((customer) => {
    const tally = tallies.get(customer.customerId);
    const classification = CLASSIFICATIONS[tally?.worstIndex ?? 0]!;
    const contribution = contributions.get(customer.customerId) ?? createEmptyContribution(customer.customerId);
    const tier = assignTier({ contributionFen: contribution.totalFen, classification }, policy);
    const grade = assignGrade(customer, classification, policy);
    return {
      customer,
      contribution,
      classification,
      tier,
      grade,
      effective: resolveEffectiveSegment(
        { tier: tier.tier, grade: grade.grade },
        input.overrides?.get(customer.customerId),
        tierNames,
      ),
      cluster: tally ? pickBenefitSegment(tally.balanceByCluster) : null,
      loanCount: tally?.count ?? 0,
      loanBalanceFen: tally?.balanceFen ?? 0n,
    };
  });

  const topTier = tierNames[0]!;
  const tierByCustomer = new Map(partial.map((p) => [p.customer.customerId, p.effective.tier]));
  const clusterCount = clustering.result?.k ?? 0;
  const crossTable = buildTierClusterTable({
    customers: partial.map((p) => ({
      customerId: p.customer.customerId,
      tier: p.effective.tier,
      cluster: p.cluster,
      contributionFen: p.contribution.totalFen,
    })),
    loans: input.loans.flatMap((loan, index) =>
      loanClusters[index]! >= 0
        ? [{ customerId: loan.customerId, cluster: loanClusters[index]!, balanceFen: loan.avgDailyBalanceFen }]
        : [],
    ),
    tiers: tierNames,
    clusterCount,
  });
  yield* pauseStep();
  const topTierPreferences = findPreferredBundles(crossTable, topTier);

  const customers: SegmentedCustomer[] = partial.map((p) => ({
    customerId: p.customer.customerId,
    officer: p.customer.officer,
    contribution: p.contribution,
    classification: p.classification,
    tier: p.tier,
    grade: p.grade,
    effective: p.effective,
    cluster: p.cluster,
    loanCount: p.loanCount,
    loanBalanceFen: p.loanBalanceFen,
    recommendation: recommendBundle({
      tier: p.effective.tier,
      topTier,
      grade: p.effective.grade,
      classification: p.classification,
      cluster: p.cluster,
      topTierPreferences,
    }),
    guidance: lookupGuidance(policy, p.effective.tier, p.effective.grade),
  }));

  yield* pauseStep();
  const gradeByCustomer = new Map(customers.map((c) => [c.customerId, c.effective.grade]));
  const portfolio = buildPortfolioFigures({
    customers,
    input,
    tierNames,
    tierByCustomer,
    gradeByCustomer,
    loanClusters,
    clusterCount,
  });
  yield* pauseStep();
  const previous = input.previous;
  return {
    customers,
    clusters: clustering.result,
    clusteringSkippedReason: clustering.skippedReason,
    loanClusters,
    crossTable,
    topTierPreferences,
    projects: groupProjects(input.projects, policy.warnings, previous?.projectGroups),
    portfolio,
    migration: previous?.customers
      ? compareSegmentations(
          previous.customers,
          customers.map((c) => ({ customerId: c.customerId, tier: c.effective.tier, grade: c.effective.grade })),
          tierNames,
        )
      : null,
    clusterMatches:
      previous?.clusterCentroidsRaw && clustering.result
        ? matchLoanClusters(previous.clusterCentroidsRaw, clustering.result)
        : null,
  };
}

function buildPortfolioFigures(args: {
  customers: readonly SegmentedCustomer[];
  input: SegmentInput;
  tierNames: readonly string[];
  tierByCustomer: ReadonlyMap<string, string>;
  gradeByCustomer: ReadonlyMap<string, Grade>;
  loanClusters: Int32Array;
  clusterCount: number;
}): PortfolioFigures {
  const { customers, input, tierNames } = args;
  const zeroTiers = (): Record<string, number> => Object.fromEntries(tierNames.map((t) => [t, 0]));
  const zeroGrades = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const tierCounts = zeroTiers();
  const gradeCounts = zeroGrades();
  const computedTierCounts = zeroTiers();
  const computedGradeCounts = zeroGrades();
  let totalContributionFen = 0n;
  for (const customer of customers) {
    tierCounts[customer.effective.tier] = (tierCounts[customer.effective.tier] ?? 0) + 1;
    gradeCounts[customer.effective.grade]++;
    computedTierCounts[customer.tier.tier] = (computedTierCounts[customer.tier.tier] ?? 0) + 1;
    computedGradeCounts[customer.grade.grade]++;
    totalContributionFen += customer.contribution.totalFen;
  }

  const overall = createNplFigure();
  const byTier: Record<string, NplFigure> = Object.fromEntries(tierNames.map((t) => [t, createNplFigure()]));
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, createNplFigure()])) as Record<Grade, NplFigure>;
  const byCluster = Array.from({ length: args.clusterCount }, createNplFigure);
  input.loans.forEach((loan, index) => {
    const entry = { classification: loan.classification, balanceFen: loan.avgDailyBalanceFen };
    addToNpl(overall, entry);
    addToNpl(byTier[args.tierByCustomer.get(loan.customerId)!]!, entry);
    addToNpl(byGrade[args.gradeByCustomer.get(loan.customerId)!], entry);
    const cluster = args.loanClusters[index]!;
    if (cluster >= 0) addToNpl(byCluster[cluster]!, entry);
  });
  [overall, ...Object.values(byTier), ...Object.values(byGrade), ...byCluster].forEach(finishNpl);

  const ranked = customers.map((c) => c.contribution.totalFen).sort((a, b) => (a === b ? 0 : a > b ? -1 : 1));
  return {
    customerCount: customers.length,
    loanCount: input.loans.length,
    depositCount: input.deposits.length,
    totalContributionFen,
    tierCounts,
    gradeCounts,
    computedTierCounts,
    computedGradeCounts,
    npl: { overall, byTier, byGrade, byCluster },
    concentration: {
      top10Pct: measureConcentration(ranked, totalContributionFen, 10),
      top20Pct: measureConcentration(ranked, totalContributionFen, 20),
    },
  };
}
