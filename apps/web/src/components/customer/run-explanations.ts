/** Shapes the engine stores in a result's JSON columns (core's TierTraceStep, FactorPoints, BundleRecommendation). */
export type TierTraceStep = { rule: string; matched: boolean; reasons: string[] };
export type FactorPoints = { factor: string; value: string | number | null; bin: string; points: number };
export type Recommendation = { action: string; cluster: number | null; reasonZh: string; reasonEn: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The tier rule trace, or an empty list when the stored value has another shape. */
export function readTierTrace(value: unknown): TierTraceStep[] {
  const steps = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.trace) ? value.trace : [];
  return steps.filter(
    (step): step is TierTraceStep =>
      isRecord(step) &&
      typeof step.rule === "string" &&
      typeof step.matched === "boolean" &&
      Array.isArray(step.reasons),
  );
}

/** Scorecard points per factor, or an empty list. */
export function readGradePoints(value: unknown): FactorPoints[] {
  const points = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.points) ? value.points : [];
  return points.filter(
    (point): point is FactorPoints =>
      isRecord(point) && typeof point.factor === "string" && typeof point.points === "number",
  );
}

export function readRecommendation(value: unknown): Recommendation | null {
  return isRecord(value) &&
    typeof value.action === "string" &&
    typeof value.reasonZh === "string" &&
    typeof value.reasonEn === "string"
    ? (value as Recommendation)
    : null;
}

/** A cluster profile's per-feature summary (core ClusterProfile.features). */
export type FeatureSummary = { mean: number; median: number; min: number; max: number; level?: string };
export function readProfileFeatures(profile: unknown): [string, FeatureSummary][] {
  if (!isRecord(profile) || !isRecord(profile.features)) return [];
  return Object.entries(profile.features).filter(
    (entry): entry is [string, FeatureSummary] => isRecord(entry[1]) && typeof entry[1].mean === "number",
  );
}
