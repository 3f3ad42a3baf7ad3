import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { assignGrade, type GradeInput } from "./assign-grade";

const strong: GradeInput = {
  creditRating: "AA",
  debtRatioPct: 45,
  currentRatio: 2,
  roaPct: 8,
  size: "large",
  defaultCount: 0,
};

describe("assignGrade (default scorecard)", () => {
  it.each([
    ["best on every factor: 25+15+10+10+10+20+10 = 100", strong, "normal", 100, "AAA"],
    [
      "exactly the AAA cut-off: 25+5+10+0+10+20+10 = 80",
      { ...strong, debtRatioPct: 80, roaPct: -1 },
      "normal",
      80,
      "AAA",
    ],
    [
      "one below AAA: 18+15+10+4+2+20+10 = 79",
      { ...strong, creditRating: "A", roaPct: 2, size: "micro" },
      "normal",
      79,
      "AA",
    ],
    [
      "exactly the AA cut-off: 12+5+4+4+10+20+10 = 65",
      { ...strong, creditRating: "BBB", debtRatioPct: 70, currentRatio: 1.0, roaPct: 2 },
      "normal",
      65,
      "AA",
    ],
    [
      "one below AA: 12+5+7+0+10+20+10 = 64",
      { ...strong, creditRating: "BBB", debtRatioPct: 70, currentRatio: 1.5, roaPct: -1 },
      "normal",
      64,
      "A",
    ],
    [
      "exactly the A cut-off: 6+0+4+0+10+20+10 = 50",
      { ...strong, creditRating: "BB", debtRatioPct: 90, currentRatio: 1.0, roaPct: -1 },
      "normal",
      50,
      "A",
    ],
    [
      "one below A: 6+5+4+4+7+20+3 = 49",
      { creditRating: "BB", debtRatioPct: 70, currentRatio: 1.0, roaPct: 2, size: "medium", defaultCount: 1 },
      "normal",
      49,
      "B",
    ],
    [
      "B: weak on everything: 0+0+0+0+2+20+0 = 22",
      { creditRating: "C", debtRatioPct: 95, currentRatio: 0.5, roaPct: -2, size: "micro", defaultCount: 3 },
      "normal",
      22,
      "B",
    ],
    ["B: strong but substandard loan: 100 − 20 − 40 = 40", strong, "substandard", 40, "B"],
    ["special mention costs 15 points", strong, "special_mention", 85, "AAA"],
    [
      "missing values take missing points: 6+5+3+3+4+20+10 = 51",
      { creditRating: null, debtRatioPct: null, currentRatio: null, roaPct: null, size: "small", defaultCount: 0 },
      "normal",
      51,
      "A",
    ],
  ] as const)("%s", (_name, customer, worst, score, grade) => {
    const result = assignGrade(customer, worst, DEFAULT_POLICY);
    expect(result.score).toBe(score);
    expect(result.grade).toBe(grade);
    expect(result.points.reduce((s, p) => s + p.points, 0)).toBe(score);
  });

  it("hits each cut-off exactly (inclusive)", () => {
    const policy = { ...DEFAULT_POLICY, grades: { ...DEFAULT_POLICY.grades, cutoffs: { AAA: 100, AA: 85, A: 40 } } };
    expect(assignGrade(strong, "normal", policy).grade).toBe("AAA");
    expect(assignGrade(strong, "special_mention", policy).grade).toBe("AA");
    expect(assignGrade(strong, "substandard", policy).grade).toBe("A");
    expect(assignGrade(strong, "doubtful", policy).grade).toBe("B");
  });

  it("traces each factor's value, bin and points", () => {
    const { points } = assignGrade({ ...strong, debtRatioPct: 65, creditRating: "bbb+" }, "normal", DEFAULT_POLICY);
    expect(points.find((p) => p.factor === "debtRatio")).toEqual({
      factor: "debtRatio",
      value: 65,
      bin: { kind: "range", above: 50, upTo: 65 },
      points: 10,
    });
    expect(points.find((p) => p.factor === "creditRating")).toEqual({
      factor: "creditRating",
      value: "bbb+",
      bin: { kind: "values", values: ["BBB+", "BBB", "BBB-"] },
      points: 12,
    });
    expect(points.find((p) => p.factor === "roa")!.bin).toEqual({ kind: "range", above: 6, upTo: null });
    expect(points.find((p) => p.factor === "defaultHistory")!.bin).toEqual({ kind: "range", above: null, upTo: 0 });
    expect(points.find((p) => p.factor === "size")!.bin).toEqual({ kind: "category" });
  });
});
