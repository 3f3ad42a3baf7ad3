import type { Classification } from "../constants";
import type { Policy, TierRule } from "../policy/policy-schema";
import { toDecimal } from "../money/decimal";
import { roundYuanToFen } from "../money/fen";

/**
 * One condition a tier rule tested, as a code with its parameters (the interface renders the words and the
 * money unit). Amounts are fen as decimal strings: JSON has no bigint.
 */
export type TierCondition =
  | { code: "contribution"; passed: boolean; contributionFen: string; minContributionFen: string }
  | { code: "classification"; passed: boolean; classification: Classification; allowed: Classification[] }
  | { code: "catch_all"; passed: true };
export type TierTraceStep = { rule: string; matched: boolean; conditions: TierCondition[] };
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
 * The trace lists each rule tried up to the match, with the conditions it tested and whether each passed.
 */
export function assignTier(
  customer: { contributionFen: bigint; classification: Classification },
  policy: Policy,
): TierAssignment {
  const trace: TierTraceStep[] = [];
  for (let ruleIndex = 0; ruleIndex < policy.tiers.length; ruleIndex++) {
    const rule = policy.tiers[ruleIndex]!;
    const conditions: TierCondition[] = [];
    let isMatch = true;
    const minFen = getMinContributionFen(rule);
    if (minFen !== null) {
      const isAbove = customer.contributionFen >= minFen;
      isMatch &&= isAbove;
      conditions.push({
        code: "contribution",
        passed: isAbove,
        contributionFen: customer.contributionFen.toString(),
        minContributionFen: minFen.toString(),
      });
    }
    if (rule.classifications) {
      const isAllowed = rule.classifications.includes(customer.classification);
      isMatch &&= isAllowed;
      conditions.push({
        code: "classification",
        passed: isAllowed,
        classification: customer.classification,
        allowed: [...rule.classifications],
      });
    }
    if (conditions.length === 0) conditions.push({ code: "catch_all", passed: true });
    trace.push({ rule: rule.name, matched: isMatch, conditions });
    if (isMatch) return { tier: rule.name, ruleIndex, trace };
  }
  throw new RangeError("policy tiers have no catch-all rule");
}
