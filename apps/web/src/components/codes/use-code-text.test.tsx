// @vitest-environment happy-dom
import {
  assignGrade,
  assignTier,
  DEFAULT_POLICY,
  findOtherLanguageWords,
  recommendBundle,
  type FactorPoints,
} from "@creditseg/core";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithIntl } from "../ui/testing/render-with-intl";
import { useCodeText } from "./use-code-text";

afterEach(cleanup);

// What core writes for one customer: the tier trace, the scorecard points and the recommendation.
const tier = assignTier({ contributionFen: 445_644_091n, classification: "special_mention" }, DEFAULT_POLICY);
const grade = assignGrade(
  { creditRating: "BBB", debtRatioPct: 65, currentRatio: null, roaPct: 7, size: "large", defaultCount: 0 },
  "special_mention",
  DEFAULT_POLICY,
);
const recommendations = [
  recommendBundle({
    tier: "basic",
    topTier: "core",
    grade: "AA",
    classification: "normal",
    cluster: 0,
    topTierPreferences: [
      { cluster: 1, loanBalanceFen: 900n, balanceSharePct: "90.00", customerSharePct: "100.00", lift: "2.00" },
    ],
  }),
  recommendBundle({
    tier: "general",
    topTier: "core",
    grade: "A",
    classification: "substandard",
    cluster: null,
    topTierPreferences: [],
  }),
];

function Texts() {
  const codes = useCodeText();
  const lines = [
    ...tier.trace.flatMap((step) => step.conditions.map((condition) => codes.tierCondition(condition))),
    ...grade.points.map(
      (p: FactorPoints) => `${codes.factorValue(p.factor, p.value)} | ${codes.scoreBin(p.factor, p.value, p.bin)}`,
    ),
    ...recommendations.map((r) => codes.recommendationReason(r.reason)),
    codes.groupKey("制造业|江苏|medium"),
    codes.warningReason({
      kind: "signal_rate_rise",
      industry: "制造业",
      region: "江苏",
      riskLevel: "medium",
      signalRatePct: "40.00",
      limitPct: "5.00",
      changePctPoints: "12.50",
    }),
  ];
  return (
    <ul>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

const texts = () => screen.getAllByRole("listitem").map((li) => li.textContent ?? "");

describe("useCodeText", () => {
  it("words core's codes in English, money in CNY millions", () => {
    renderWithIntl(<Texts />, "en");
    const lines = texts();
    expect(lines[0]).toBe("contribution CNY 4.46m ≥ threshold CNY 1.00m");
    expect(lines).toContain("classification Special mention is not among the classes this tier allows (Normal)");
    expect(lines).toContain("Large | Large");
    expect(lines).toContain("65 | (50, 65]");
    expect(lines).toContain("missing | missing");
    expect(lines).toContain(
      'The current bundle is "Cluster 0"; 90.00% of Core customers\' loan balance is in "Cluster 1": steer towards it to raise contribution.',
    );
    expect(lines).toContain("Classification is Substandard: no new credit product recommended.");
    expect(lines).toContain(
      "Default-signal rate rose to 40.00%, up 12.50 percentage points since the previous run (limit 5.00).",
    );
    // Group dimensions are the bank's data (Chinese names); only the risk level is translated.
    expect(lines).toContain("制造业 · 江苏 · Medium risk");
    const words = lines.filter((l) => !l.includes("制造业")).flatMap((l) => findOtherLanguageWords(l, "en"));
    expect(words).toEqual([]);
  });

  it("words the same codes in Chinese, money in 万元, without English", () => {
    renderWithIntl(<Texts />, "zh-CN");
    const lines = texts();
    expect(lines[0]).toBe("贡献度 445.64万元 ≥ 门槛 100.00万元");
    expect(lines[1]).toBe("五级分类为关注，不在本层允许的分类（正常）内");
    expect(lines).toContain("大型 | 大型");
    expect(lines).toContain("缺失 | 缺失");
    expect(lines).toContain("五级分类为次级，暂不推荐新增授信产品。");
    expect(lines).toContain("制造业 · 江苏 · 中风险");
    expect(lines.flatMap((l) => findOtherLanguageWords(l, "zh-CN"))).toEqual([]);
  });
});
