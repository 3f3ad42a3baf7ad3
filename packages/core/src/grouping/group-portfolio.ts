import type { Grade } from "../constants";
import { ClusteringInputError } from "../clustering/clustering-error";
import { applyTransform } from "../clustering/feature-transform";
import { matchByCost } from "../clustering/match-clusters";
import { toDecimal } from "../money/decimal";
import { ratioPct } from "../money/ratio";
import type { Policy } from "../policy/policy-schema";
import { isDefaultSignal } from "../projects/group-projects";
import type { CustomerRecord, DepositRecord, FeeRecord, LoanRecord, ProjectRecord } from "../records";
import { addToNpl, createNplFigure, finishNpl, type NplFigure } from "../segmentation/portfolio-figures";
import { classificationAt, toLoanColumns, type LoanColumns } from "../segmentation/loan-columns";
import type { CustomerSegments } from "../segmentation/segment-portfolio";
import {
  addCustomerUsage,
  buildCustomerAttributeColumns,
  type CustomerUsage,
  buildProjectAttributeColumns,
  type AttributeColumns,
} from "./build-attribute-columns";
import { groupMixed, type GroupingResult, type GroupPrototype } from "./group-mixed";
import type { GroupProfile } from "./group-profile";
import { matchGuidance, type GuidanceMatch } from "./match-guidance";
import { encodeMixedTable, type MixedTable } from "./mixed-table";
import type { GroupingMethod } from "./settings";

/** A group of the previous run, as needed to match groups across runs (prototype in raw units and modes). */
export type PreviousGroup = { group: number; prototype: GroupPrototype; memberCount: number; signalCount?: number };

/** How a group relates to the previous run: the matched group (Hungarian on prototype dissimilarity) and its cost. */
export type GroupLineage = { previousGroup: number | null; matchCost: number | null };

export type CustomerGroup = GroupLineage & {
  group: number;
  profile: GroupProfile;
  prototype: GroupPrototype;
  /** Customers per effective tier and grade (overrides applied). */
  tierMix: Record<string, number>;
  gradeMix: Record<Grade, number>;
  npl: NplFigure;
  contributionFen: bigint;
  /** Policy guidance rules the profile matches (product codes with the figures they were decided on). */
  guidance: GuidanceMatch[];
};

/** A group-level early warning as a code with parameters (percent strings with two decimals). */
export type GroupWarning =
  | { code: "group.signal_rate_above_limit"; params: { signalRatePct: string; limitPct: string } }
  | {
      code: "group.signal_rate_rise";
      params: { signalRatePct: string; previousSignalRatePct: string; changePctPoints: string; limitPct: string };
    };

export type FoundProjectGroup = GroupLineage & {
  group: number;
  profile: GroupProfile;
  prototype: GroupPrototype;
  totalInvestmentFen: bigint;
  loanAmountFen: bigint;
  signalCount: number;
  /** signalCount ÷ size, percent with two decimals (half to even). */
  signalRatePct: string;
  previousSignalRatePct: string | null;
  changePctPoints: string | null;
  warnings: GroupWarning[];
};

/** The fit of one subject, or why it was skipped (too few rows / distinct rows for the k range). */
export type GroupFit<G> =
  | { isSkipped: false; result: GroupingResult; groups: G[] }
  | { isSkipped: true; reason: { code: "grouping.too_few_rows"; params: { rows: number } } };

export type PortfolioGroups = { customers: GroupFit<CustomerGroup>; projects: GroupFit<FoundProjectGroup> };

function fitSubject(
  columns: AttributeColumns,
  method: GroupingMethod,
): { table: MixedTable; result: GroupingResult } | null {
  const table = encodeMixedTable(columns);
  const minRows = typeof method.k === "number" ? method.k : method.k.min + 1;
  if (table.n < Math.max(2, minRows)) return null;
  try {
    return { table, result: groupMixed({ table, method }) };
  } catch (error) {
    if (error instanceof ClusteringInputError) return null;
    throw error;
  }
}

/**
 * Matches this run's groups with the previous run's: the cost of a pair is Huang's dissimilarity between their
 * prototypes, the previous prototype mapped into this run's scaling (so both sit in the same z units).
 */
function matchGroups(
  table: MixedTable,
  result: GroupingResult,
  previous: readonly PreviousGroup[] | undefined,
): GroupLineage[] {
  const lineage: GroupLineage[] = result.prototypes.map(() => ({ previousGroup: null, matchCost: null }));
  if (!previous || previous.length === 0) return lineage;
  const p = table.numericNames.length;
  const comparable = previous.filter(
    (g) => g.prototype.numericRaw.length === p && g.prototype.modes.length === table.categoricalNames.length,
  );
  const previousZ = comparable.map((g) =>
    p > 0 ? Array.from(applyTransform(table.transform, Float64Array.from(g.prototype.numericRaw))) : [],
  );
  const cost = (a: number, b: number): number => {
    const next = result.prototypes[b]!;
    let sum = 0;
    for (let f = 0; f < p; f++) sum += (previousZ[a]![f]! - next.numericZ[f]!) ** 2;
    comparable[a]!.prototype.modes.forEach((mode, c) => {
      if (mode !== next.modes[c]) sum += result.gamma;
    });
    return sum;
  };
  for (const match of matchByCost(comparable.length, result.prototypes.length, cost)) {
    if (match.previous === null || match.next === null) continue;
    lineage[match.next] = { previousGroup: comparable[match.previous]!.group, matchCost: match.distance };
  }
  return lineage;
}

function summariseCustomers(args: {
  customers: readonly CustomerRecord[];
  loans: LoanColumns;
  segmented: CustomerSegments;
  result: GroupingResult;
  lineage: GroupLineage[];
  policy: Policy;
}): CustomerGroup[] {
  const { result, policy } = args;
  // Labels follow the customer list, which the loans' customer index and the segmented customers follow too.
  const groupAt = (index: number) => result.labels[index];
  const groups = result.profiles.map((profile, g) => ({
    group: g,
    profile,
    prototype: result.prototypes[g]!,
    ...args.lineage[g]!,
    tierMix: Object.fromEntries(policy.tiers.map((t) => [t.name, 0])),
    gradeMix: { AAA: 0, AA: 0, A: 0, B: 0 },
    npl: createNplFigure(),
    contributionFen: 0n,
    guidance: matchGuidance(profile, policy.grouping.guidance),
  }));
  for (let i = 0; i < args.segmented.length; i++) {
    const c = args.segmented.at(i)!;
    if (args.customers[i]?.customerId !== c.customerId)
      throw new Error(`segmented customer ${c.customerId} is not in the customer list's order`);
    const group = groups[groupAt(i)!]!;
    group.tierMix[c.effective.tier] = (group.tierMix[c.effective.tier] ?? 0) + 1;
    group.gradeMix[c.effective.grade]++;
    group.contributionFen += c.contribution.totalFen;
  }
  const { loans } = args;
  for (let i = 0; i < loans.length; i++) {
    const g = groupAt(loans.customerIndex[i]!);
    if (g !== undefined)
      addToNpl(groups[g]!.npl, { classification: classificationAt(loans, i), balanceFen: loans.balanceFen[i]! });
  }
  for (const group of groups) finishNpl(group.npl);
  return groups;
}

function summariseProjects(args: {
  projects: readonly ProjectRecord[];
  result: GroupingResult;
  lineage: GroupLineage[];
  policy: Policy;
  previous: readonly PreviousGroup[] | undefined;
}): FoundProjectGroup[] {
  const { result, policy } = args;
  const limits = policy.warnings;
  const previousByGroup = new Map(args.previous?.map((g) => [g.group, g]));
  const counts = result.profiles.map(() => ({ signals: 0, investment: 0n, loan: 0n }));
  args.projects.forEach((project, i) => {
    const count = counts[result.labels[i]!]!;
    if (isDefaultSignal(project, limits)) count.signals++;
    count.investment += project.totalInvestmentFen;
    count.loan += project.loanAmountFen;
  });
  const maxRate = toDecimal(limits.maxSignalRatePct);
  const maxRise = toDecimal(limits.maxRisePctPoints);
  return result.profiles.map((profile, g) => {
    const { signals, investment, loan } = counts[g]!;
    const lineage = args.lineage[g]!;
    const signalRatePct = ratioPct(signals, profile.size)!;
    const before = lineage.previousGroup === null ? undefined : previousByGroup.get(lineage.previousGroup);
    const previousSignalRatePct =
      before?.signalCount !== undefined ? ratioPct(before.signalCount, before.memberCount) : null;
    const change = previousSignalRatePct === null ? null : toDecimal(signalRatePct).minus(previousSignalRatePct);
    const warnings: GroupWarning[] = [];
    if (profile.size >= limits.minGroupSize) {
      if (toDecimal(signalRatePct).greaterThan(maxRate))
        warnings.push({
          code: "group.signal_rate_above_limit",
          params: { signalRatePct, limitPct: maxRate.toFixed(2) },
        });
      if (change?.greaterThan(maxRise))
        warnings.push({
          code: "group.signal_rate_rise",
          params: {
            signalRatePct,
            previousSignalRatePct: previousSignalRatePct!,
            changePctPoints: change.toFixed(2),
            limitPct: maxRise.toFixed(2),
          },
        });
    }
    return {
      group: g,
      profile,
      prototype: result.prototypes[g]!,
      ...lineage,
      totalInvestmentFen: investment,
      loanAmountFen: loan,
      signalCount: signals,
      signalRatePct,
      previousSignalRatePct,
      changePctPoints: change?.toFixed(2) ?? null,
      warnings,
    };
  });
}

/**
 * 客户群体 of a run: customers grouped on firmographics, financial ratios and product usage, projects on
 * industry, region, risk, status, investment, loan-to-investment and overdue days, each with the policy's
 * k-prototypes method. Customer groups carry their tier / grade mix, NPL, contribution and matched guidance;
 * project groups their default-signal rate and group-level warnings (over the policy limit, or a rise against
 * the matched group of the previous run). A subject with too few rows for the k range is skipped with a code.
 * `segmented` are the run's per-customer results (for the mixes); rows follow the input order.
 */
export function groupPortfolio(args: {
  customers: readonly CustomerRecord[];
  loans: readonly LoanRecord[];
  deposits: readonly DepositRecord[];
  fees: readonly FeeRecord[];
  projects: readonly ProjectRecord[];
  segmented: CustomerSegments;
  policy: Policy;
  previous?: { customers?: readonly PreviousGroup[]; projects?: readonly PreviousGroup[] };
}): PortfolioGroups {
  const indexOf = new Map(args.customers.map((c, i) => [c.customerId, i]));
  return groupPortfolioOfUsage({
    ...args,
    usage: addCustomerUsage(new Map(), args),
    loans: toLoanColumns(args.loans, [], (id) => indexOf.get(id) ?? -1),
  });
}

/**
 * `groupPortfolio` from each customer's product usage (see addCustomerUsage) and the loans' columns, for a run that
 * reads its accounts customer by customer instead of holding them.
 */
export function groupPortfolioOfUsage(args: {
  customers: readonly CustomerRecord[];
  usage: ReadonlyMap<string, CustomerUsage>;
  loans: LoanColumns;
  projects: readonly ProjectRecord[];
  segmented: CustomerSegments;
  policy: Policy;
  previous?: { customers?: readonly PreviousGroup[]; projects?: readonly PreviousGroup[] };
}): PortfolioGroups {
  const { policy } = args;
  const customerFit = fitSubject(buildCustomerAttributeColumns(args), policy.grouping.customers);
  const projectFit = fitSubject(buildProjectAttributeColumns(args.projects), policy.grouping.projects);
  return {
    customers: customerFit
      ? {
          isSkipped: false,
          result: customerFit.result,
          groups: summariseCustomers({
            ...args,
            result: customerFit.result,
            lineage: matchGroups(customerFit.table, customerFit.result, args.previous?.customers),
          }),
        }
      : { isSkipped: true, reason: { code: "grouping.too_few_rows", params: { rows: args.customers.length } } },
    projects: projectFit
      ? {
          isSkipped: false,
          result: projectFit.result,
          groups: summariseProjects({
            projects: args.projects,
            result: projectFit.result,
            policy,
            previous: args.previous?.projects,
            lineage: matchGroups(projectFit.table, projectFit.result, args.previous?.projects),
          }),
        }
      : { isSkipped: true, reason: { code: "grouping.too_few_rows", params: { rows: args.projects.length } } },
  };
}
