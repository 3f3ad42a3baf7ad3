import { describe, expect, it } from "vitest";
import { buildClusterLabel, classifyLevel, disambiguateLabels } from "./business-label";

describe("business labels", () => {
  it.each([
    [1, "low"],
    [2, "mid"],
    [3, "mid"],
    [4, "high"],
  ] as const)("classifies %d against terciles 2 and 3 as %s", (value, level) => {
    expect(classifyLevel(value, 2, 3)).toBe(level);
  });

  it("orders loan features as amount · term · rate whatever the column order", () => {
    expect(buildClusterLabel(["rate", "amount", "term_months"], ["high", "low", "low"])).toEqual({
      zh: "小额·短期·高利率",
      en: "small · short · high-rate",
    });
    expect(buildClusterLabel(["term_months", "rate", "amount"], ["high", "low", "mid"])).toEqual({
      zh: "中额·长期·低利率",
      en: "mid-size · long · low-rate",
    });
  });

  it("tells repeated labels apart", () => {
    const label = { zh: "小额", en: "small" };
    expect(disambiguateLabels([label, label, { zh: "大额", en: "large" }]).map((l) => l.en)).toEqual([
      "small",
      "small (2)",
      "large",
    ]);
  });
});
