import type { ProjectWarning, RecommendationReason, ScoreBin, TierCondition } from "@creditseg/core";

/**
 * Reads the codes and parameters a run stores in its JSON columns (core's TierCondition, ScoreBin,
 * RecommendationReason, ProjectWarning) defensively: a stored value of another shape reads as null or empty.
 */
export type { RecommendationReason, ScoreBin, TierCondition };
/** An early-warning row's stored reason: the core warning without its group key (a column of its own). */
export type WarningReason = Omit<ProjectWarning, "groupKey">;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const TIER_CONDITION_CODES = new Set(["contribution", "classification", "catch_all"]);
export function readTierConditions(value: unknown): TierCondition[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is TierCondition => isRecord(c) && typeof c.code === "string" && TIER_CONDITION_CODES.has(c.code),
  );
}

const BIN_KINDS = new Set(["missing", "other", "range", "values", "category"]);
export function readScoreBin(value: unknown): ScoreBin | null {
  return isRecord(value) && typeof value.kind === "string" && BIN_KINDS.has(value.kind) ? (value as ScoreBin) : null;
}

const REASON_CODES = new Set([
  "hold_classification",
  "hold_grade_b",
  "hold_no_loans_no_preference",
  "keep_top_tier",
  "keep_no_preference",
  "keep_matches_preference",
  "offer_preferred",
  "shift_to_preferred",
]);
export function readRecommendationReason(value: unknown): RecommendationReason | null {
  return isRecord(value) && typeof value.code === "string" && REASON_CODES.has(value.code)
    ? (value as RecommendationReason)
    : null;
}

export function readWarningReason(value: unknown): WarningReason | null {
  return isRecord(value) &&
    (value.kind === "signal_rate_above_limit" || value.kind === "signal_rate_rise") &&
    typeof value.signalRatePct === "string" &&
    typeof value.limitPct === "string"
    ? (value as WarningReason)
    : null;
}
