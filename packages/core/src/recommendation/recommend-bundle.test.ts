import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { buildTierClusterTable, findPreferredBundles } from "./build-tier-cluster-table";
import { lookupGuidance } from "./lookup-guidance";
import { recommendBundle, type RecommendBundleInput, type RecommendationReason } from "./recommend-bundle";

const table = buildTierClusterTable({
  customers: [
    { customerId: "A", tier: "core", cluster: 1, contributionFen: 500n },
    { customerId: "B", tier: "core", cluster: 1, contributionFen: 300n },
    { customerId: "C", tier: "basic", cluster: 0, contributionFen: 50n },
    { customerId: "D", tier: "basic", cluster: null, contributionFen: 0n },
  ],
  loans: [
    { customerId: "A", cluster: 1, balanceFen: 700n },
    { customerId: "A", cluster: 0, balanceFen: 100n },
    { customerId: "B", cluster: 1, balanceFen: 200n },
    { customerId: "C", cluster: 0, balanceFen: 1_000n },
  ],
  tiers: ["core", "basic", "general"],
  clusterCount: 2,
});

describe("tier × cluster table", () => {
  it("counts customers by benefit segment and balances by loan cluster", () => {
    expect(table.cells.find((c) => c.tier === "core" && c.cluster === 1)).toEqual({
      tier: "core",
      cluster: 1,
      customerCount: 2,
      contributionFen: 800n,
      loanCount: 2,
      loanBalanceFen: 900n,
    });
    expect(table.cells.find((c) => c.tier === "core" && c.cluster === 0)).toMatchObject({
      customerCount: 0,
      loanCount: 1,
      loanBalanceFen: 100n,
    });
    expect(table.cells).toHaveLength(6);
  });

  it("ranks the bundles a tier prefers with their lift over the portfolio", () => {
    expect(findPreferredBundles(table, "core")).toEqual([
      { cluster: 1, loanBalanceFen: 900n, balanceSharePct: "90.00", customerSharePct: "100.00", lift: "2.00" },
      { cluster: 0, loanBalanceFen: 100n, balanceSharePct: "10.00", customerSharePct: "0.00", lift: "0.18" },
    ]);
    expect(findPreferredBundles(table, "general")).toEqual([]);
  });
});

describe("recommendBundle", () => {
  const preferences = findPreferredBundles(table, "core");
  const base: RecommendBundleInput = {
    tier: "basic",
    topTier: "core",
    grade: "AA",
    classification: "normal",
    cluster: 0,
    topTierPreferences: preferences,
  };
  const evidence = { cluster: 1, topTier: "core", balanceSharePct: "90.00" };

  it.each<[string, Partial<RecommendBundleInput>, string, number | null, RecommendationReason]>([
    [
      "top-tier customer keeps its bundle",
      { tier: "core", cluster: 0 },
      "keep",
      0,
      { code: "keep_top_tier", cluster: 0 },
    ],
    ["already in the preferred bundle", { cluster: 1 }, "keep", 1, { code: "keep_matches_preference", ...evidence }],
    ["other bundle: shift", {}, "shift", 1, { code: "shift_to_preferred", fromCluster: 0, ...evidence }],
    ["no loans: offer", { cluster: null }, "offer", 1, { code: "offer_preferred", ...evidence }],
    [
      "below-normal class: hold",
      { classification: "special_mention" },
      "hold",
      null,
      { code: "hold_classification", classification: "special_mention" },
    ],
    ["grade B: hold", { grade: "B", tier: "core" }, "hold", null, { code: "hold_grade_b" }],
    [
      "no preferences, has loans: keep",
      { topTierPreferences: [] },
      "keep",
      0,
      { code: "keep_no_preference", cluster: 0 },
    ],
    [
      "no preferences, no loans: hold",
      { topTierPreferences: [], cluster: null },
      "hold",
      null,
      { code: "hold_no_loans_no_preference" },
    ],
  ])("%s", (_name, overrides, action, cluster, reason) => {
    expect(recommendBundle({ ...base, ...overrides })).toEqual({ action, cluster, reason });
  });
});

describe("lookupGuidance", () => {
  it.each([
    ["core", "AAA", { pricingFloorPct: 3.0, maxTermMonths: 120, requiresCollateral: false, approvalLevel: "branch" }],
    [
      "core",
      "B",
      { pricingFloorPct: 5.5, maxTermMonths: 12, requiresCollateral: true, approvalLevel: "credit_committee" },
    ],
    [
      "general",
      "AA",
      { pricingFloorPct: 4.2, maxTermMonths: 24, requiresCollateral: true, approvalLevel: "head_office" },
    ],
    ["basic", "A", { pricingFloorPct: 4.2, maxTermMonths: 36, requiresCollateral: true, approvalLevel: "head_office" }],
  ] as const)("%s × %s takes the stricter stance", (tier, grade, effective) => {
    const guidance = lookupGuidance(DEFAULT_POLICY, tier, grade);
    expect(guidance.effective).toEqual(effective);
    expect(guidance.tier).toBe(DEFAULT_POLICY.guidance.tiers[tier]);
  });
});
