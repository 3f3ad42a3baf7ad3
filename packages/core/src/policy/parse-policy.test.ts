import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./default-policy";
import { diffPolicies } from "./diff-policies";
import { parsePolicy } from "./parse-policy";

const clone = () => structuredClone(DEFAULT_POLICY) as unknown as Record<string, unknown> & typeof DEFAULT_POLICY;

describe("parsePolicy", () => {
  it("accepts the default policy and its JSON round trip", () => {
    expect(parsePolicy(DEFAULT_POLICY)).toEqual({ ok: true, policy: DEFAULT_POLICY });
    expect(parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)))).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it("fills clustering defaults from its settings schema", () => {
    const policy = clone() as Record<string, unknown>;
    policy.clustering = {};
    const result = parsePolicy(policy);
    expect(result.ok && result.policy.clustering).toEqual(DEFAULT_POLICY.clustering);
  });

  it.each<[string, (p: ReturnType<typeof clone>) => void, string, RegExp]>([
    ["a negative tax rate", (p) => void (p.taxRate = -1), "taxRate", /./],
    ["a 365.5-day basis", (p) => void ((p as Record<string, unknown>).dayCountBasis = 365.5), "dayCountBasis", /./],
    ["a rate typed in basis points", (p) => void (p.ftp.loan[0]!.rate = 435), "ftp.loan.0.rate", /100/],
    [
      "a curve without a catch-all",
      (p) => void (p.ftp.deposit[5]!.maxTermMonths = 120),
      "ftp.deposit.5.maxTermMonths",
      /catch-all/,
    ],
    ["an unordered curve", (p) => void (p.ftp.loan[1]!.maxTermMonths = 3), "ftp.loan.1.maxTermMonths", /increasing/],
    [
      "a tier threshold given as text",
      (p) => void ((p.tiers[0] as Record<string, unknown>).minContribution = "1000000"),
      "tiers.0.minContribution",
      /number/,
    ],
    [
      "a threshold with fractions of a fen",
      (p) => void (p.tiers[0]!.minContribution = 1000.001),
      "tiers.0.minContribution",
      /two decimals/,
    ],
    [
      "an unknown classification",
      (p) => void ((p.tiers[0]!.classifications as string[])[0] = "good"),
      "tiers.0.classifications.0",
      /./,
    ],
    [
      "a last tier with a condition",
      (p) => void (p.tiers[2] = { name: "general", minContribution: -5 }),
      "tiers.2",
      /catch-all/,
    ],
    ["a catch-all before the last tier", (p) => void (p.tiers[0] = { name: "core" }), "tiers.0", /only the last/],
    ["a duplicate tier name", (p) => void (p.tiers[1]!.name = "core"), "tiers.1.name", /twice/],
    ["grade cut-offs out of order", (p) => void (p.grades.cutoffs.AA = 90), "grades.cutoffs.AA", /below the AAA/],
    [
      "an unordered scorecard bin",
      (p) => void (p.grades.factors.debtRatio.bins[1]!.upTo = 10),
      "grades.factors.debtRatio.bins.1.upTo",
      /increasing/,
    ],
    [
      "an unknown clustering feature",
      (p) => void (p.clustering.features = ["rate", "colour"]),
      "clustering.features.1",
      /unknown loan feature/,
    ],
    [
      "missing guidance for a tier",
      (p) => void delete (p.guidance.tiers as Record<string, unknown>).basic,
      "guidance.tiers.basic",
      /missing guidance/,
    ],
    ["a missing warnings part", (p) => void delete (p as Record<string, unknown>).warnings, "warnings", /./],
  ])("rejects %s at %s", (_name, mutate, path, message) => {
    const policy = clone();
    mutate(policy);
    const result = parsePolicy(policy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});

describe("parsePolicy issue codes", () => {
  it("names each problem by a code with parameters the interface can word", () => {
    const policy = clone();
    policy.taxRate = -1;
    policy.tiers[0]!.minContribution = undefined;
    policy.tiers[0]!.classifications = undefined;
    delete (policy.guidance.tiers as Record<string, unknown>).basic;
    const result = parsePolicy(policy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(
      result.issues.map((issue) => [issue.path, { code: issue.code, params: issue.params }]),
    );
    expect(byPath.taxRate).toEqual({ code: "too_small", params: { minimum: 0, inclusive: true } });
    expect(byPath["tiers.0"]).toEqual({
      code: "tier_only_last_catch_all",
      params: {},
    });
    expect(byPath["guidance.tiers.basic"]).toEqual({ code: "guidance_missing_tier", params: { tier: "basic" } });
  });
});

describe("diffPolicies", () => {
  it("lists changed leaves with before and after", () => {
    const after = clone();
    after.taxRate = 6;
    after.tiers[0]!.minContribution = 2_000_000;
    after.ftp.loan.push({ maxTermMonths: null, rate: 4 });
    expect(diffPolicies(DEFAULT_POLICY, after)).toEqual([
      { path: "ftp.loan.5", before: undefined, after: { maxTermMonths: null, rate: 4 } },
      { path: "taxRate", before: 5.5, after: 6 },
      { path: "tiers.0.minContribution", before: 1_000_000, after: 2_000_000 },
    ]);
  });

  it("is empty for equal policies", () => {
    expect(diffPolicies(DEFAULT_POLICY, clone())).toEqual([]);
  });
});
