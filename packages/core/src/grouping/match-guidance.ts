import type { GroupProfile } from "./group-profile";
import type { GuidanceRule, ProfileCondition } from "./settings";

/** A guidance rule that matched a group, with the profile figures each condition was decided on. */
export type GuidanceMatch = {
  code: string;
  conditions: { condition: ProfileCondition; value: number; holds: boolean }[];
};

/** The figure a condition reads: the z of a numeric mean, or the group's share of the listed categories. */
function evaluate(profile: GroupProfile, condition: ProfileCondition): { value: number; holds: boolean } {
  if ("in" in condition) {
    const trait = profile.categorical.find((t) => t.attribute === condition.attribute);
    const share = (trait?.values ?? [])
      .filter((v) => condition.in.includes(v.value))
      .reduce((sum, v) => sum + v.share, 0);
    return { value: share, holds: trait !== undefined && share >= condition.minShare };
  }
  const trait = profile.numeric.find((t) => t.attribute === condition.attribute);
  if (!trait) return { value: Number.NaN, holds: false };
  return { value: trait.z, holds: "above" in condition ? trait.z >= condition.above : trait.z <= condition.below };
}

/**
 * The policy's guidance rules a group profile matches, in policy order: all `all` conditions hold and, when
 * `any` is given, at least one of them. Conditions on attributes the grouping did not use never hold.
 */
export function matchGuidance(profile: GroupProfile, rules: readonly GuidanceRule[]): GuidanceMatch[] {
  const matches: GuidanceMatch[] = [];
  for (const rule of rules) {
    const all = rule.all.map((condition) => ({ condition, ...evaluate(profile, condition) }));
    const any = rule.any.map((condition) => ({ condition, ...evaluate(profile, condition) }));
    if (all.every((c) => c.holds) && (any.length === 0 || any.some((c) => c.holds))) {
      matches.push({ code: rule.code, conditions: [...all, ...any] });
    }
  }
  return matches;
}
