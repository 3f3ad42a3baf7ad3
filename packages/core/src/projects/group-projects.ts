import type { ProjectRecord } from "../records";
import type { WarningLimits } from "../policy/policy-schema";
import { Dec, toDecimal } from "../money/decimal";
import { sumFen } from "../money/fen";
import { ratioPct } from "../money/ratio";

export type ProjectGroup = {
  /** `industry|region|riskLevel` after trimming (risk level lower-cased). */
  key: string;
  industry: string;
  region: string;
  riskLevel: string;
  projectCount: number;
  projectIds: string[];
  totalInvestmentFen: bigint;
  loanAmountFen: bigint;
  /** Loan amount ÷ total investment, percent with two decimals; null when investment is 0. */
  loanToInvestmentPct: string | null;
  overdueDays: { mean: number; median: number; max: number };
  downgradedCount: number;
  /** Projects overdue beyond the policy's threshold or downgraded. */
  signalCount: number;
  /** signalCount ÷ projectCount, percent with two decimals (half to even). */
  signalRatePct: string;
  /** The same group's rate in the previous run, when it existed there. */
  previousSignalRatePct: string | null;
  /** Change against the previous run, percentage points with two decimals. */
  changePctPoints: string | null;
};

export type ProjectWarningKind = "signal_rate_above_limit" | "signal_rate_rise";
/**
 * A project-group warning as a code (`kind`) with its parameters; the interface words it. Rates are percent with
 * two decimals; `changePctPoints` is the rise since the previous run in percentage points (null without one).
 * The limit is the policy's: the rate cap for `signal_rate_above_limit`, the allowed rise for `signal_rate_rise`.
 */
export type ProjectWarning = {
  groupKey: string;
  kind: ProjectWarningKind;
  industry: string;
  region: string;
  riskLevel: string;
  signalRatePct: string;
  limitPct: string;
  changePctPoints: string | null;
};

/** The previous run's figures for a group, as counts so the comparison stays exact. */
export type PreviousProjectGroup = { key: string; signalCount: number; projectCount: number };

/** One project's default signal as the run judged it (stored per run so a project filter reads the same rule). */
export type ProjectSignal = { projectId: string; customerId: string; groupKey: string; hasDefaultSignal: boolean };

export type ProjectGrouping = {
  groups: ProjectGroup[];
  warnings: ProjectWarning[];
  /** Every project in input order with its group and signal. */
  signals: ProjectSignal[];
};

/** The grouping key of a project: exact industry, region and (lower-cased) risk level. */
export function projectGroupKey(project: Pick<ProjectRecord, "industry" | "region" | "riskLevel">): string {
  return `${project.industry.trim()}|${project.region.trim()}|${project.riskLevel.trim().toLowerCase()}`;
}

/**
 * A project is a default signal when overdue strictly more than the policy's threshold (days) or downgraded.
 * The one definition: group signal rates, warnings and the stored per-project flag (`project_results`) all use it.
 */
export function isDefaultSignal(
  project: Pick<ProjectRecord, "overdueDays" | "isDowngraded">,
  limits: WarningLimits,
): boolean {
  return project.overdueDays > limits.overdueDaysThreshold || project.isDowngraded;
}

function signalRate(signalCount: number, projectCount: number) {
  return new Dec(signalCount).times(100).dividedBy(projectCount);
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Groups projects into project groups (项目群体) and raises group-level early warnings (风险预警).
 *
 * Method: exact grouping on the categorical key industry × region × risk level, then a numeric profile per group.
 * Chosen over clustering mixed data (k-prototypes, Gower distance) because the groups must be explainable in the
 * bank's own words ("manufacturing · Jiangsu · high"), stable across runs so a group's signal rate can be compared
 * with the previous run, and independent of random starts; the numeric figures describe a group rather than define it.
 *
 * Warnings: a group of at least `minGroupSize` projects is flagged when its signal rate exceeds `maxSignalRatePct`,
 * or when it rose by more than `maxRisePctPoints` since the previous run. Groups are sorted by key.
 */
export function groupProjects(
  projects: readonly ProjectRecord[],
  limits: WarningLimits,
  previous?: readonly PreviousProjectGroup[],
): ProjectGrouping {
  const members = new Map<string, ProjectRecord[]>();
  for (const project of projects) {
    const key = projectGroupKey(project);
    const list = members.get(key);
    if (list) list.push(project);
    else members.set(key, [project]);
  }
  const previousByKey = new Map(previous?.map((p) => [p.key, p]));
  const maxRate = toDecimal(limits.maxSignalRatePct);
  const maxRise = toDecimal(limits.maxRisePctPoints);
  const groups: ProjectGroup[] = [];
  const warnings: ProjectWarning[] = [];
  const signals: ProjectSignal[] = projects.map((p) => ({
    projectId: p.projectId,
    customerId: p.customerId,
    groupKey: projectGroupKey(p),
    hasDefaultSignal: isDefaultSignal(p, limits),
  }));

  for (const key of [...members.keys()].sort()) {
    const list = members.get(key)!;
    const first = list[0]!;
    const overdue = list.map((p) => p.overdueDays).sort((a, b) => a - b);
    const signalCount = list.filter((p) => isDefaultSignal(p, limits)).length;
    const rate = signalRate(signalCount, list.length);
    const totalInvestmentFen = sumFen(list.map((p) => p.totalInvestmentFen));
    const loanAmountFen = sumFen(list.map((p) => p.loanAmountFen));
    const previousGroup = previousByKey.get(key);
    const previousRate =
      previousGroup && previousGroup.projectCount > 0
        ? signalRate(previousGroup.signalCount, previousGroup.projectCount)
        : null;
    const change = previousRate ? rate.minus(previousRate) : null;
    const group: ProjectGroup = {
      key,
      industry: first.industry.trim(),
      region: first.region.trim(),
      riskLevel: first.riskLevel.trim().toLowerCase(),
      projectCount: list.length,
      projectIds: list.map((p) => p.projectId),
      totalInvestmentFen,
      loanAmountFen,
      loanToInvestmentPct: ratioPct(loanAmountFen, totalInvestmentFen),
      overdueDays: {
        mean: overdue.reduce((s, d) => s + d, 0) / overdue.length,
        median: median(overdue),
        max: overdue[overdue.length - 1]!,
      },
      downgradedCount: list.filter((p) => p.isDowngraded).length,
      signalCount,
      signalRatePct: ratioPct(signalCount, list.length)!,
      previousSignalRatePct: previousRate?.toFixed(2) ?? null,
      changePctPoints: change?.toFixed(2) ?? null,
    };
    groups.push(group);
    if (list.length < limits.minGroupSize) continue;
    const dimensions = { industry: group.industry, region: group.region, riskLevel: group.riskLevel };
    if (rate.greaterThan(maxRate)) {
      warnings.push({
        groupKey: key,
        kind: "signal_rate_above_limit",
        ...dimensions,
        signalRatePct: group.signalRatePct,
        limitPct: maxRate.toFixed(2),
        changePctPoints: group.changePctPoints,
      });
    }
    if (change?.greaterThan(maxRise)) {
      warnings.push({
        groupKey: key,
        kind: "signal_rate_rise",
        ...dimensions,
        signalRatePct: group.signalRatePct,
        limitPct: maxRise.toFixed(2),
        changePctPoints: group.changePctPoints,
      });
    }
  }
  return { groups, warnings, signals };
}
