import { describe, expect, it } from "vitest";
import {
  buildClusterLabel,
  classifyLevel,
  disambiguateLabels,
  renderClusterLabel,
  type ClusterLabel,
} from "./business-label";

const words = (label: ClusterLabel) => ({
  zh: renderClusterLabel(label, "zh-CN"),
  en: renderClusterLabel(label, "en"),
});

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
    expect(buildClusterLabel(["rate", "amount", "term_months"], ["high", "low", "low"]).params.parts).toEqual([
      { known: "amount", level: "low" },
      { known: "term", level: "low" },
      { known: "rate", level: "high" },
    ]);
    expect(words(buildClusterLabel(["rate", "amount", "term_months"], ["high", "low", "low"]))).toEqual({
      zh: "小额·短期·高利率",
      en: "small · short · high-rate",
    });
    expect(words(buildClusterLabel(["term_months", "rate", "amount"], ["high", "low", "mid"]))).toEqual({
      zh: "中额·长期·低利率",
      en: "mid-size · long · low-rate",
    });
  });

  it("words other features generically in each language", () => {
    expect(words(buildClusterLabel(["amount", "revenue"], ["high", "low"]))).toEqual({
      zh: "大额·revenue低",
      en: "large · low revenue",
    });
  });

  it("tells repeated labels apart", () => {
    const small = buildClusterLabel(["amount"], ["low"]);
    const large = buildClusterLabel(["amount"], ["high"]);
    expect(disambiguateLabels([small, small, large]).map((l) => renderClusterLabel(l, "en"))).toEqual([
      "small",
      "small (2)",
      "large",
    ]);
  });
});
