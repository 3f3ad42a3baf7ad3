import { GRADES, type Classification, type Grade } from "../constants";
import type { CustomerRecord } from "../records";
import type { CategoricalFactor, NumericFactor, Policy } from "../policy/policy-schema";

export const GRADE_FACTORS = [
  "creditRating",
  "debtRatio",
  "currentRatio",
  "roa",
  "size",
  "worstClassification",
  "defaultHistory",
] as const;
export type GradeFactor = (typeof GRADE_FACTORS)[number];

/**
 * The scorecard bin a value fell in, as data the interface words: no value; a category no bin lists; a numeric
 * range (lower bound exclusive, upper inclusive, null = unbounded); the listed ratings; or the value's own
 * category (size, loan classification).
 */
export type ScoreBin =
  | { kind: "missing" }
  | { kind: "other" }
  | { kind: "range"; above: number | null; upTo: number | null }
  | { kind: "values"; values: string[] }
  | { kind: "category" };

/** One factor's contribution to the score: the value read, the bin it fell in, the points given. */
export type FactorPoints = { factor: GradeFactor; value: string | number | null; bin: ScoreBin; points: number };
export type GradeAssignment = { grade: Grade; score: number; points: FactorPoints[] };

export type GradeInput = Pick<
  CustomerRecord,
  "creditRating" | "debtRatioPct" | "currentRatio" | "roaPct" | "size" | "defaultCount"
>;

function scoreNumeric(factor: GradeFactor, value: number | null, spec: NumericFactor): FactorPoints {
  if (value === null || !Number.isFinite(value))
    return { factor, value: null, bin: { kind: "missing" }, points: spec.missingPoints };
  let lowerBound: number | null = null;
  for (const bin of spec.bins) {
    if (bin.upTo === null || value <= bin.upTo) {
      return { factor, value, bin: { kind: "range", above: lowerBound, upTo: bin.upTo }, points: bin.points };
    }
    lowerBound = bin.upTo;
  }
  throw new RangeError(`scorecard factor ${factor} has no catch-all bin`);
}

function scoreCategorical(factor: GradeFactor, value: string | null, spec: CategoricalFactor): FactorPoints {
  const normalized = value?.trim().toUpperCase() ?? "";
  if (normalized === "") return { factor, value: null, bin: { kind: "missing" }, points: spec.missingPoints };
  const bin = spec.bins.find((b) => b.values.some((v) => v.toUpperCase() === normalized));
  return bin
    ? { factor, value, bin: { kind: "values", values: [...bin.values] }, points: bin.points }
    : { factor, value, bin: { kind: "other" }, points: spec.otherPoints };
}

/**
 * Assigns a risk grade (AAA / AA / A / B) by the policy's points scorecard.
 * Ratios are percent (debt ratio, ROA) or plain (current ratio); missing values take each factor's `missingPoints`.
 * The grade is the best one whose cut-off the total score reaches (inclusive); below the A cut-off it is B.
 */
export function assignGrade(customer: GradeInput, worstClass: Classification, policy: Policy): GradeAssignment {
  const { factors, cutoffs } = policy.grades;
  const points: FactorPoints[] = [
    scoreCategorical("creditRating", customer.creditRating, factors.creditRating),
    scoreNumeric("debtRatio", customer.debtRatioPct, factors.debtRatio),
    scoreNumeric("currentRatio", customer.currentRatio, factors.currentRatio),
    scoreNumeric("roa", customer.roaPct, factors.roa),
    { factor: "size", value: customer.size, bin: { kind: "category" }, points: factors.size[customer.size] },
    {
      factor: "worstClassification",
      value: worstClass,
      bin: { kind: "category" },
      points: factors.worstClassification[worstClass],
    },
    scoreNumeric("defaultHistory", customer.defaultCount, factors.defaultHistory),
  ];
  // Points may be fractional in a custom scorecard: sum in hundredths to keep the total exact for two decimals.
  const score = points.reduce((sum, p) => sum + Math.round(p.points * 100), 0) / 100;
  const grade: Grade = score >= cutoffs.AAA ? "AAA" : score >= cutoffs.AA ? "AA" : score >= cutoffs.A ? "A" : GRADES[3];
  return { grade, score, points };
}
