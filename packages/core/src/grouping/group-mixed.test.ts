import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAdjustedRandIndex } from "../clustering/adjusted-rand-index";
import { ClusteringInputError } from "../clustering/clustering-error";
import { DEFAULT_POLICY } from "../policy/default-policy";
import { parsePolicy } from "../policy/parse-policy";
import { createRng } from "../random";
import { plantGroups } from "./__fixtures__/planted-groups";
import { groupMixed } from "./group-mixed";
import { dissimilarity, fitKPrototypes } from "./kprototypes";
import { matchGuidance } from "./match-guidance";
import { encodeMixedTable } from "./mixed-table";
import { groupingMethodSchema } from "./settings";

const method = (overrides: Record<string, unknown> = {}) => groupingMethodSchema.parse(overrides);

describe("groupMixed (k-prototypes)", () => {
  it("recovers planted mixed groups at the planted k (ARI ≥ 0.9)", () => {
    const { table, truth } = plantGroups({ perGroup: 250, seed: 7, noise: 0.2, spread: 1.5 });
    const result = groupMixed({ table, method: method({ k: 4, stabilityReplicates: 0 }) });
    expect(result.k).toBe(4);
    expect(computeAdjustedRandIndex(truth, result.labels)).toBeGreaterThanOrEqual(0.9);
  });

  it("chooses the planted k from a range when the groups are well separated, and reports cost curve and stability", () => {
    const { table, truth } = plantGroups({ perGroup: 150, seed: 3 });
    const result = groupMixed({ table, method: method({ k: { min: 2, max: 8 } }) });
    expect(result.k).toBe(4);
    expect(result.selection.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const costs = result.selection.map((c) => c.cost);
    expect(costs[0]!).toBeGreaterThan(costs[2]!);
    expect(computeAdjustedRandIndex(truth, result.labels)).toBeGreaterThanOrEqual(0.95);
    expect(result.stability?.mean).toBeGreaterThanOrEqual(0.9);
    expect(result.sizes.reduce((s, x) => s + x, 0)).toBe(600);
  });

  it("chooses k on a seeded sample and fits the chosen k on every row", () => {
    const { table, truth } = plantGroups({ perGroup: 400, seed: 5 });
    const result = groupMixed({
      table,
      method: method({ k: { min: 2, max: 6 }, selectionSampleSize: 300, stabilityReplicates: 0 }),
    });
    expect(result.selectionSampleSize).toBe(300);
    expect(result.k).toBe(4);
    expect(result.labels).toHaveLength(1600);
    expect(computeAdjustedRandIndex(truth, result.labels)).toBeGreaterThanOrEqual(0.95);
  });

  it("gives identical results for the same seed", () => {
    const { table } = plantGroups({ perGroup: 100, seed: 11, noise: 0.4, spread: 3 });
    const settings = method({ k: { min: 2, max: 5 }, seed: 42 });
    const first = groupMixed({ table, method: settings });
    const second = groupMixed({ table, method: settings });
    expect(second.labels).toEqual(first.labels);
    expect(second.cost).toBe(first.cost);
    expect(second.profiles).toEqual(first.profiles);
    expect(second.stability).toEqual(first.stability);
  });

  it("profiles each group and names it from codes: the furthest numeric level, then over-represented categories", () => {
    const { table } = plantGroups({ perGroup: 150, seed: 3 });
    const result = groupMixed({ table, method: method({ k: 4, stabilityReplicates: 0, maxNameParts: 5 }) });
    const tech = result.profiles.find((p) => p.categorical[0]!.mode === "信息技术服务业")!;
    const parts = tech.name.parts;
    expect(parts[0]).toEqual(expect.objectContaining({ attribute: "revenue", level: "low" }));
    expect(parts.slice(1, 4)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attribute: "industry", value: "信息技术服务业" }),
        expect.objectContaining({ attribute: "size", value: "micro" }),
        expect.objectContaining({ attribute: "main_guarantee", value: "credit" }),
      ]),
    );
    expect(parts[4]).toEqual(expect.objectContaining({ attribute: "secured_share", level: "low" }));
    expect(new Set(result.profiles.map((p) => JSON.stringify(p.name.parts))).size).toBe(4);
    const industry = tech.categorical.find((t) => t.attribute === "industry")!;
    expect(industry.values[0]!.lift).toBeGreaterThan(3);
    expect(tech.numeric.find((t) => t.attribute === "secured_share")!.z).toBeLessThan(-1);
    expect(matchGuidance(tech, DEFAULT_POLICY.grouping.guidance).map((m) => m.code)).toEqual(["ip_pledge_loan"]);
    const trade = result.profiles.find((p) => p.categorical[0]!.mode === "批发和零售业")!;
    expect(matchGuidance(trade, DEFAULT_POLICY.grouping.guidance).map((m) => m.code)).toEqual(["receivables_pledge"]);
    const factory = result.profiles.find((p) => p.categorical[0]!.mode === "制造业")!;
    expect(matchGuidance(factory, DEFAULT_POLICY.grouping.guidance).map((m) => m.code)).toEqual(["fixed_asset_loan"]);
  });

  it("uses Huang's γ by default (0.5 after z-scoring) and a policy γ when set", () => {
    const { table } = plantGroups({ perGroup: 20, seed: 1 });
    expect(groupMixed({ table, method: method({ k: 2, stabilityReplicates: 0 }) }).gamma).toBeCloseTo(0.5, 10);
    expect(groupMixed({ table, method: method({ k: 2, gamma: 2, stabilityReplicates: 0 }) }).gamma).toBe(2);
  });

  it("groups purely categorical and purely numeric tables", () => {
    const categoricalOnly = encodeMixedTable({
      numeric: [],
      categorical: [{ name: "industry", values: ["a", "a", "a", "b", "b", "b"] }],
    });
    expect(Array.from(groupMixed({ table: categoricalOnly, method: method({ k: 2 }) }).labels)).toEqual([
      0, 0, 0, 1, 1, 1,
    ]);
    const numericOnly = encodeMixedTable({
      numeric: [{ name: "x", values: [1, 1.1, 0.9, 9, 9.2, 8.8] }],
      categorical: [],
    });
    expect(new Set(groupMixed({ table: numericOnly, method: method({ k: 2 }) }).labels.slice(0, 3)).size).toBe(1);
  });

  it("rejects k above the distinct rows and names the row of a bad value", () => {
    const same = encodeMixedTable({
      numeric: [{ name: "x", values: [1, 1, 1] }],
      categorical: [{ name: "c", values: ["a", "a", "a"] }],
    });
    expect(() => groupMixed({ table: same, method: method({ k: 2 }) })).toThrow(ClusteringInputError);
    expect(() =>
      encodeMixedTable({ numeric: [{ name: "revenue", values: [1, -5], log: true }], categorical: [] }),
    ).toThrow(/row 2, feature "revenue"/);
  });

  it("puts every row with its least dissimilar prototype once converged (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 5 }), (seed, k) => {
        const rng = createRng(seed);
        const n = 40;
        const table = encodeMixedTable({
          numeric: [
            { name: "x", values: Float64Array.from({ length: n }, () => rng.uniform() * 10) },
            { name: "y", values: Float64Array.from({ length: n }, () => rng.uniform()) },
          ],
          categorical: [{ name: "c", values: Array.from({ length: n }, () => "abc"[rng.int(3)]!) }],
        });
        const fit = fitKPrototypes({ table, k, gamma: 0.5, restarts: 2, seed, maxIterations: 100, tolerance: 0 });
        expect(fit.isConverged).toBe(true);
        for (let i = 0; i < n; i++) {
          const own = dissimilarity(table, i, fit, fit.labels[i]!, 0.5);
          for (let j = 0; j < k; j++) expect(own).toBeLessThanOrEqual(dissimilarity(table, i, fit, j, 0.5) + 1e-9);
        }
        expect(new Set(fit.labels).size).toBe(k);
      }),
      { numRuns: 40 },
    );
  });
});

describe("grouping policy", () => {
  it("accepts the default and rejects guidance on an unknown attribute", () => {
    expect(parsePolicy(DEFAULT_POLICY).ok).toBe(true);
    const bad = parsePolicy({
      ...DEFAULT_POLICY,
      grouping: {
        ...DEFAULT_POLICY.grouping,
        guidance: [{ code: "x_loan", all: [{ attribute: "fixed_assets", below: 0 }] }],
      },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toBe("grouping.guidance.0");
  });

  it("fills the grouping section for a policy stored before it existed", () => {
    const { grouping: _omitted, ...older } = DEFAULT_POLICY;
    const parsed = parsePolicy(older);
    expect(parsed.ok && parsed.policy.grouping.customers.restarts).toBe(5);
  });
});
