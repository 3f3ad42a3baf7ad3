import { describe, expect, it } from "vitest";
import type { Classification } from "../constants";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { assignTier } from "./assign-tier";
import { worstClassification } from "./worst-classification";

describe("assignTier (default policy)", () => {
  it.each([
    ["exactly 1,000,000 CNY and normal", 100_000_000n, "normal", "core", 0],
    ["well above the core threshold", 1_000_000_000n, "normal", "core", 0],
    ["one fen below 1,000,000", 99_999_999n, "normal", "basic", 1],
    ["docs/DOMAIN.md example 275,000", 27_500_000n, "normal", "basic", 1],
    ["exactly 0", 0n, "normal", "basic", 1],
    ["negative contribution", -1n, "normal", "general", 2],
    ["high contribution, special mention", 500_000_000n, "special_mention", "general", 2],
    ["basic amount, substandard", 1_000n, "substandard", "general", 2],
    ["negative and loss", -500_000n, "loss", "general", 2],
  ] as const)("%s → %s", (_name, contributionFen, classification, tier, ruleIndex) => {
    const result = assignTier({ contributionFen, classification }, DEFAULT_POLICY);
    expect(result.tier).toBe(tier);
    expect(result.ruleIndex).toBe(ruleIndex);
    expect(result.trace).toHaveLength(ruleIndex + 1);
    expect(result.trace.map((s) => s.matched)).toEqual([...Array(ruleIndex).fill(false), true]);
  });

  it("explains each rule it tried as codes with parameters, amounts in fen", () => {
    const { trace } = assignTier({ contributionFen: 27_500_000n, classification: "normal" }, DEFAULT_POLICY);
    expect(trace[0]).toEqual({
      rule: "core",
      matched: false,
      conditions: [
        { code: "contribution", passed: false, contributionFen: "27500000", minContributionFen: "100000000" },
        { code: "classification", passed: true, classification: "normal", allowed: ["normal"] },
      ],
    });
    expect(trace[1]!.conditions[0]).toEqual({
      code: "contribution",
      passed: true,
      contributionFen: "27500000",
      minContributionFen: "0",
    });
  });

  it("follows a custom rule order and catch-all", () => {
    const policy = {
      ...DEFAULT_POLICY,
      tiers: [{ name: "watch", classifications: ["doubtful", "loss"] as Classification[] }, { name: "rest" }],
    };
    expect(assignTier({ contributionFen: 10n, classification: "loss" }, policy).tier).toBe("watch");
    expect(assignTier({ contributionFen: 10n, classification: "normal" }, policy)).toMatchObject({
      tier: "rest",
      trace: [{ matched: false }, { matched: true, conditions: [{ code: "catch_all", passed: true }] }],
    });
  });
});

describe("worstClassification", () => {
  it.each([
    [[], "normal"],
    [["normal", "normal"], "normal"],
    [["normal", "special_mention"], "special_mention"],
    [["loss", "substandard", "normal"], "loss"],
    [["doubtful", "special_mention"], "doubtful"],
  ] as const)("%j → %s", (classes, expected) => {
    expect(worstClassification(classes)).toBe(expected);
  });
});
