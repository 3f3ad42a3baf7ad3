import type { Classification } from "../constants";
import { CLASSIFICATION_LABELS_ZH } from "../constants";
import type { Policy, TierRule } from "../policy/policy-schema";
import { toDecimal } from "../money/decimal";
import { fenToYuanString, roundYuanToFen } from "../money/fen";

export type TierTraceStep = { rule: string; matched: boolean; reasons: string[] };
export type TierAssignment = { tier: string; ruleIndex: number; trace: TierTraceStep[] };

const minFenCache = new WeakMap<TierRule, bigint | null>();

/** The rule's minimum contribution converted once from CNY to fen. */
function getMinContributionFen(rule: TierRule): bigint | null {
  let minFen = minFenCache.get(rule);
  if (minFen === undefined) {
    minFen = rule.minContribution === undefined ? null : roundYuanToFen(toDecimal(rule.minContribution));
    minFenCache.set(rule, minFen);
  }
  return minFen;
}

/**
 * Assigns a contribution tier: the policy's tier rules in order, first match wins, the last is a catch-all.
 * `contributionFen` is the customer's total contribution in fen; the threshold is inclusive (≥).
 * The trace lists each rule tried up to the match, with the reason it matched or failed.
 */
export function assignTier(
  customer: { contributionFen: bigint; classification: Classification },
  policy: Policy,
): TierAssignment {
  const trace: TierTraceStep[] = [];
  for (let ruleIndex = 0; ruleIndex < policy.tiers.length; ruleIndex++) {
    const rule = policy.tiers[ruleIndex]!;
    const reasons: string[] = [];
    let isMatch = true;
    const minFen = getMinContributionFen(rule);
    if (minFen !== null) {
      const isAbove = customer.contributionFen >= minFen;
      isMatch &&= isAbove;
      reasons.push(
        `contribution ${fenToYuanString(customer.contributionFen)} ${isAbove ? "≥" : "<"} ${fenToYuanString(minFen)} CNY`,
      );
    }
    if (rule.classifications) {
      const isAllowed = rule.classifications.includes(customer.classification);
      isMatch &&= isAllowed;
      reasons.push(
        `classification ${customer.classification} (${CLASSIFICATION_LABELS_ZH[customer.classification]}) ${isAllowed ? "in" : "not in"} [${rule.classifications.join(", ")}]`,
      );
    }
    if (reasons.length === 0) reasons.push("catch-all rule");
    trace.push({ rule: rule.name, matched: isMatch, reasons });
    if (isMatch) return { tier: rule.name, ruleIndex, trace };
  }
  throw new RangeError("policy tiers have no catch-all rule");
}
