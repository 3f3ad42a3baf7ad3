import type { Grade } from "../constants";

/** A customer's approved, unexpired overrides at a run's as-of date, per field (override ids from the overrides table). */
export type SegmentOverride = { tier?: { value: string; id: number }; grade?: { value: Grade; id: number } };

/** The segment every list, count, chart, matrix and export reads, with the override that made it (if any). */
export type EffectiveSegment = {
  tier: string;
  grade: Grade;
  /** The override's value where one applied, else null (the computed value stands). */
  overrideTier: string | null;
  overrideGrade: Grade | null;
  /** The latest of the applied overrides' ids; null when none applied. */
  overrideId: number | null;
};

/**
 * The effective segment (DOMAIN.md "overrides"): an approved, unexpired override's tier / grade, else the computed
 * one. A tier override naming a tier the run's policy no longer has is not applied (it could not be counted or
 * filtered); the caller passes only overrides in force at the run's as-of date.
 */
export function resolveEffectiveSegment(
  computed: { tier: string; grade: Grade },
  override: SegmentOverride | undefined,
  tierNames: readonly string[],
): EffectiveSegment {
  const tier = override?.tier && tierNames.includes(override.tier.value) ? override.tier : undefined;
  const grade = override?.grade;
  const overrideId = Math.max(tier?.id ?? -1, grade?.id ?? -1);
  return {
    tier: tier?.value ?? computed.tier,
    grade: grade?.value ?? computed.grade,
    overrideTier: tier?.value ?? null,
    overrideGrade: grade?.value ?? null,
    overrideId: overrideId >= 0 ? overrideId : null,
  };
}
