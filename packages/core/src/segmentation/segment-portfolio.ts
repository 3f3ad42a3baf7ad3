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
  type CrossTableCustomer,
  type CrossTableLoan,
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
import { matchLoanClusters, stepClusterLoanColumns, type LoanClusterOutcome } from "./cluster-loans";
import { classificationAt, tallyLoanColumns, toLoanColumns, type LoanColumns, type LoanTallies } from "./loan-columns";
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
  known: ReadonlyMap<string, number>,
  records: readonly { customerId: string }[],
  kind: string,
  idOf: (index: number) => string,
): void {
  for (let i = 0; i < records.length; i++) {
    if (!known.has(records[i]!.customerId))
      throw new SegmentInputError(`${kind} ${idOf(i)} refers to unknown customer ${records[i]!.customerId}`);
  }
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
  const indexOf = new Map(input.customers.map((c, i) => [c.customerId, i]));
  assertKnownCustomers(indexOf, input.loans, "loan", (i) => input.loans[i]!.loanId);
  assertKnownCustomers(indexOf, input.deposits, "deposit", (i) => input.deposits[i]!.accountId);
  assertKnownCustomers(indexOf, input.fees, "fee", (i) => `row ${i + 1}`);
  assertKnownCustomers(indexOf, input.projects, "project", (i) => input.projects[i]!.projectId);

  const contributions = calculateContributions(
    { loans: input.loans, deposits: input.deposits, fees: input.fees },
    policy,
    input.ftpCurve,
  );
  yield* pauseStep();
  const loans = toLoanColumns(input.loans, policy.clustering.features, (id) => indexOf.get(id)!);
  const clustering = yield* stepClusterLoanColumns(loans, policy.clustering);
  const tallies = tallyLoanColumns(loans, clustering.loanClusters, input.customers.length, clustering.result?.k ?? 0);
  yield* pauseStep();
  const segments = input.customers.map((customer, i) =>
    segmentCustomer({
      customer,
      contribution: contributions.get(customer.customerId) ?? createEmptyContribution(customer.customerId),
      loans: loanTallyAt(tallies, i),
      policy,
      override: input.overrides?.get(customer.customerId),
    }),
  );
  return yield* stepFinishSegmentation({
    segments,
    loans,
    clustering,
    depositCount: input.deposits.length,
    projects: input.projects,
    policy,
    previous: input.previous,
  });
}

/** A customer's own results, before the portfolio-wide steps add the recommendation and guidance. */
export type CustomerSegment = Omit<SegmentedCustomer, "recommendation" | "guidance">;

/** One customer's loan aggregates (see tallyLoanColumns). */
export type CustomerLoanTally = { count: number; balanceFen: bigint; worstIndex: number; benefitCluster: number };

export function loanTallyAt(tallies: LoanTallies, index: number): CustomerLoanTally {
  return {
    count: tallies.count[index]!,
    balanceFen: tallies.balanceFen[index]!,
    worstIndex: tallies.worstIndex[index]!,
    benefitCluster: tallies.benefitCluster[index]!,
  };
}

/**
 * One customer's classification (worst loan), tier, grade, effective segment (override in force) and benefit
 * segment, from its contribution and loan tally: what needs only the customer's own accounts.
 */
export function segmentCustomer(args: {
  customer: CustomerRecord;
  contribution: CustomerContribution;
  loans: CustomerLoanTally;
  policy: Policy;
  override?: SegmentOverride;
}): CustomerSegment {
  const { customer, contribution, loans, policy } = args;
  const classification = CLASSIFICATIONS[loans.worstIndex]!;
  const tier = assignTier({ contributionFen: contribution.totalFen, classification }, policy);
  const grade = assignGrade(customer, classification, policy);
  return {
    customerId: customer.customerId,
    officer: customer.officer,
    contribution,
    classification,
    tier,
    grade,
    effective: resolveEffectiveSegment(
      { tier: tier.tier, grade: grade.grade },
      args.override,
      policy.tiers.map((t) => t.name),
    ),
    cluster: loans.benefitCluster >= 0 ? loans.benefitCluster : null,
    loanCount: loans.count,
    loanBalanceFen: loans.balanceFen,
  };
}

/**
 * Customers' own results addressed by position in the customer list: an array, or a run's compact columns that
 * rebuild each customer's segment when asked (so a portfolio of millions never holds them all at once).
 */
export type CustomerSegments = { readonly length: number; at(index: number): CustomerSegment | undefined };

/** What the portfolio-wide steps read: the customers' segments (an array or rebuilt on demand), loans and projects. */
type PortfolioStepInput<Segments extends CustomerSegments> = {
  segments: Segments;
  loans: LoanColumns;
  clustering: LoanClusterOutcome;
  depositCount: number;
  projects: readonly ProjectRecord[];
  policy: Policy;
  previous?: PreviousRun;
};

/** Everything the portfolio-wide steps find except the per-customer list (see completeSegment for each customer). */
export type SegmentSummary = Omit<SegmentResult, "customers">;

/**
 * A customer's recommendation and guidance, which need the portfolio's top-tier preferences: the last of a
 * customer's results.
 */
export function completeSegment(
  segment: CustomerSegment,
  summary: Pick<SegmentSummary, "topTierPreferences">,
  policy: Policy,
): SegmentedCustomer {
  return {
    ...segment,
    recommendation: recommendBundle({
      tier: segment.effective.tier,
      topTier: policy.tiers[0]!.name,
      grade: segment.effective.grade,
      classification: segment.classification,
      cluster: segment.cluster,
      topTierPreferences: summary.topTierPreferences,
    }),
    guidance: lookupGuidance(policy, segment.effective.tier, segment.effective.grade),
  };
}

/**
 * The portfolio-wide steps once every customer is segmented: the tier × cluster table and the top tier's preferred
 * bundles, each customer's recommendation and guidance, portfolio figures, project groups, migration and cluster
 * matching against the previous run. `segments` are in the customer-list order `loans.customerIndex` refers to;
 * the loans take part through their columns only.
 */
export function* stepFinishSegmentation(args: PortfolioStepInput<readonly CustomerSegment[]>): FitSteps<SegmentResult> {
  const summary = yield* stepSummariseSegments(args);
  return { ...summary, customers: args.segments.map((s) => completeSegment(s, summary, args.policy)) };
}

/**
 * Each customer's effective and computed segment, benefit cluster and total contribution, in customer-list order:
 * one read of each segment.
 */
type SegmentFacts = {
  customerIds: string[];
  effectiveTiers: string[];
  effectiveGrades: Grade[];
  computedTiers: string[];
  computedGrades: Grade[];
  clusters: (number | null)[];
  totalFen: bigint[];
};

function readSegmentFacts(segments: CustomerSegments): SegmentFacts {
  const facts: SegmentFacts = {
    customerIds: [],
    effectiveTiers: [],
    effectiveGrades: [],
    computedTiers: [],
    computedGrades: [],
    clusters: [],
    totalFen: [],
  };
  for (let i = 0; i < segments.length; i++) {
    const s = segments.at(i)!;
    facts.customerIds.push(s.customerId);
    facts.effectiveTiers.push(s.effective.tier);
    facts.effectiveGrades.push(s.effective.grade);
    facts.computedTiers.push(s.tier.tier);
    facts.computedGrades.push(s.grade.grade);
    facts.clusters.push(s.cluster);
    facts.totalFen.push(s.contribution.totalFen);
  }
  return facts;
}

/** The customers as the cross table reads them (effective tier), made one at a time from the facts. */
function* crossTableCustomers(facts: SegmentFacts): Generator<CrossTableCustomer> {
  for (let c = 0; c < facts.customerIds.length; c++)
    yield {
      customerId: facts.customerIds[c]!,
      tier: facts.effectiveTiers[c]!,
      cluster: facts.clusters[c]!,
      contributionFen: facts.totalFen[c]!,
    };
}

/**
 * `stepFinishSegmentation` without the per-customer list: what a run needs to store its figures, reading each
 * customer's segment once (customers are completed one by one afterwards with completeSegment).
 */
export function* stepSummariseSegments(args: PortfolioStepInput<CustomerSegments>): FitSteps<SegmentSummary> {
  const { loans, clustering, policy } = args;
  const loanClusters = clustering.loanClusters;
  const tierNames = policy.tiers.map((t) => t.name);
  const topTier = tierNames[0]!;
  const clusterCount = clustering.result?.k ?? 0;
  const facts = readSegmentFacts(args.segments);
  const crossTable = buildTierClusterTable({
    customers: crossTableCustomers(facts),
    loans: clusteredLoans(facts.customerIds, loans, loanClusters),
    tiers: tierNames,
    clusterCount,
  });
  yield* pauseStep();
  const topTierPreferences = findPreferredBundles(crossTable, topTier);

  yield* pauseStep();
  const portfolio = buildPortfolioFigures({
    facts,
    loans,
    depositCount: args.depositCount,
    tierNames,
    loanClusters,
    clusterCount,
  });
  yield* pauseStep();
  const previous = args.previous;
  return {
    clusters: clustering.result,
    clusteringSkippedReason: clustering.skippedReason,
    loanClusters,
    crossTable,
    topTierPreferences,
    projects: groupProjects(args.projects, policy.warnings, previous?.projectGroups),
    portfolio,
    migration: previous?.customers
      ? compareSegmentations(
          previous.customers,
          facts.customerIds.map((customerId, i) => ({
            customerId,
            tier: facts.effectiveTiers[i]!,
            grade: facts.effectiveGrades[i]!,
          })),
          tierNames,
        )
      : null,
    clusterMatches:
      previous?.clusterCentroidsRaw && clustering.result
        ? matchLoanClusters(previous.clusterCentroidsRaw, clustering.result)
        : null,
  };
}

/** The clustered loans as the cross table reads them, made one at a time from the columns. */
function* clusteredLoans(
  customerIds: readonly string[],
  loans: LoanColumns,
  loanClusters: Int32Array,
): Generator<CrossTableLoan> {
  for (let i = 0; i < loans.length; i++) {
    const cluster = loanClusters[i]!;
    if (cluster >= 0)
      yield { customerId: customerIds[loans.customerIndex[i]!]!, cluster, balanceFen: loans.balanceFen[i]! };
  }
}

function buildPortfolioFigures(args: {
  facts: SegmentFacts;
  loans: LoanColumns;
  depositCount: number;
  tierNames: readonly string[];
  loanClusters: Int32Array;
  clusterCount: number;
}): PortfolioFigures {
  const { facts, loans, tierNames } = args;
  const zeroTiers = (): Record<string, number> => Object.fromEntries(tierNames.map((t) => [t, 0]));
  const zeroGrades = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const tierCounts = zeroTiers();
  const gradeCounts = zeroGrades();
  const computedTierCounts = zeroTiers();
  const computedGradeCounts = zeroGrades();
  let totalContributionFen = 0n;
  const customerCount = facts.customerIds.length;
  for (let c = 0; c < customerCount; c++) {
    const tier = facts.effectiveTiers[c]!;
    const computedTier = facts.computedTiers[c]!;
    tierCounts[tier] = (tierCounts[tier] ?? 0) + 1;
    gradeCounts[facts.effectiveGrades[c]!]++;
    computedTierCounts[computedTier] = (computedTierCounts[computedTier] ?? 0) + 1;
    computedGradeCounts[facts.computedGrades[c]!]++;
    totalContributionFen += facts.totalFen[c]!;
  }

  const overall = createNplFigure();
  const byTier: Record<string, NplFigure> = Object.fromEntries(tierNames.map((t) => [t, createNplFigure()]));
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, createNplFigure()])) as Record<Grade, NplFigure>;
  const byCluster = Array.from({ length: args.clusterCount }, createNplFigure);
  for (let i = 0; i < loans.length; i++) {
    const entry = { classification: classificationAt(loans, i), balanceFen: loans.balanceFen[i]! };
    const c = loans.customerIndex[i]!;
    addToNpl(overall, entry);
    addToNpl(byTier[facts.effectiveTiers[c]!]!, entry);
    addToNpl(byGrade[facts.effectiveGrades[c]!], entry);
    const cluster = args.loanClusters[i]!;
    if (cluster >= 0) addToNpl(byCluster[cluster]!, entry);
  }
  [overall, ...Object.values(byTier), ...Object.values(byGrade), ...byCluster].forEach(finishNpl);

  const ranked = [...facts.totalFen].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1));
  return {
    customerCount,
    loanCount: loans.length,
    depositCount: args.depositCount,
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
