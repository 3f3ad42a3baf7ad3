import type { Grade } from "../constants";
import { APPROVAL_LEVELS, type GuidanceEntry, type Policy } from "../policy/policy-schema";

export type CustomerGuidance = {
  tier: GuidanceEntry | null;
  grade: GuidanceEntry;
  /** The stricter of the two on every point: higher pricing floor, shorter term, collateral if either asks, higher approval level. */
  effective: Omit<GuidanceEntry, "textZh" | "textEn">;
};

/** The credit stance officers are shown for a tier and grade, and the strictest combination of both. */
export function lookupGuidance(policy: Policy, tier: string, grade: Grade): CustomerGuidance {
  const tierGuidance = policy.guidance.tiers[tier] ?? null;
  const gradeGuidance = policy.guidance.grades[grade];
  const entries = tierGuidance ? [tierGuidance, gradeGuidance] : [gradeGuidance];
  return {
    tier: tierGuidance,
    grade: gradeGuidance,
    effective: {
      pricingFloorPct: Math.max(...entries.map((e) => e.pricingFloorPct)),
      maxTermMonths: Math.min(...entries.map((e) => e.maxTermMonths)),
      requiresCollateral: entries.some((e) => e.requiresCollateral),
      approvalLevel: APPROVAL_LEVELS[Math.max(...entries.map((e) => APPROVAL_LEVELS.indexOf(e.approvalLevel)))]!,
    },
  };
}
