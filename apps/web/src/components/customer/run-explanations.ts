import {
  readRecommendationReason,
  readScoreBin,
  readTierConditions,
  type RecommendationReason,
  type ScoreBin,
  type TierCondition,
} from "../codes/run-codes";

/** Shapes the engine stores in a result's JSON columns (core's TierTraceStep, FactorPoints, BundleRecommendation). */
export type TierTraceStep = { rule: string; matched: boolean; conditions: TierCondition[] };
export type FactorPoints = { factor: string; value: string | number | null; bin: ScoreBin | null; points: number };
export type Recommendation = { action: string; cluster: number | null; reason: RecommendationReason | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The tier rule trace, or an empty list when the stored value has another shape. */
export function readTierTrace(value: unknown): TierTraceStep[] {
  const steps = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.trace) ? value.trace : [];
  return steps
    .filter(
      (step): step is Record<string, unknown> & { rule: string; matched: boolean } =>
        isRecord(step) && typeof step.rule === "string" && typeof step.matched === "boolean",
    )
    .map((step) => ({ rule: step.rule, matched: step.matched, conditions: readTierConditions(step.conditions) }));
}

/** Scorecard points per factor, or an empty list. */
export function readGradePoints(value: unknown): FactorPoints[] {
  const points = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.points) ? value.points : [];
  return points
    .filter(
      (point): point is Record<string, unknown> & { factor: string; points: number } =>
        isRecord(point) && typeof point.factor === "string" && typeof point.points === "number",
    )
    .map((point) => ({
      factor: point.factor,
      value: typeof point.value === "string" || typeof point.value === "number" ? point.value : null,
      bin: readScoreBin(point.bin),
      points: point.points,
    }));
}

export function readRecommendation(value: unknown): Recommendation | null {
  if (!isRecord(value) || typeof value.action !== "string") return null;
  return {
    action: value.action,
    cluster: typeof value.cluster === "number" ? value.cluster : null,
    reason: readRecommendationReason(value.reason),
  };
}

/** A cluster profile's per-feature summary (core ClusterProfile.features). */
export type FeatureSummary = { mean: number; median: number; min: number; max: number; level?: string };
export function readProfileFeatures(profile: unknown): [string, FeatureSummary][] {
  if (!isRecord(profile) || !isRecord(profile.features)) return [];
  return Object.entries(profile.features).filter(
    (entry): entry is [string, FeatureSummary] => isRecord(entry[1]) && typeof entry[1].mean === "number",
  );
}
