import { describe, expect, it } from "vitest";
import { compareSegmentations } from "./build-transition-matrix";

describe("compareSegmentations", () => {
  const before = [
    { customerId: "A", tier: "core", grade: "AAA" },
    { customerId: "B", tier: "basic", grade: "AA" },
    { customerId: "C", tier: "basic", grade: "A" },
    { customerId: "D", tier: "general", grade: "B" },
  ];
  const after = [
    { customerId: "A", tier: "core", grade: "AA" },
    { customerId: "B", tier: "core", grade: "AA" },
    { customerId: "C", tier: "general", grade: "B" },
    { customerId: "E", tier: "basic", grade: "A" },
  ];

  it("builds tier and grade matrices by customer id, with entered and left customers", () => {
    const { tiers, grades } = compareSegmentations(before, after, ["core", "basic", "general"]);
    expect(tiers.labels).toEqual(["core", "basic", "general"]);
    expect(tiers.counts).toEqual([
      [1, 0, 0],
      [1, 0, 1],
      [0, 0, 0],
    ]);
    expect(tiers.entered).toEqual({ core: 0, basic: 1, general: 0 });
    expect(tiers.left).toEqual({ core: 0, basic: 0, general: 1 });
    expect([tiers.stayedCount, tiers.movedCount]).toEqual([1, 2]);
    expect(grades.labels).toEqual(["AAA", "AA", "A", "B"]);
    expect(grades.counts[0]).toEqual([0, 1, 0, 0]);
    expect(grades.counts[2]).toEqual([0, 0, 0, 1]);
    expect(grades.left.B).toBe(1);
  });

  it("appends tier names missing from the order (a renamed tier) rather than dropping them", () => {
    const { tiers } = compareSegmentations(
      [{ customerId: "A", tier: "vip", grade: "AAA" }],
      [{ customerId: "A", tier: "core", grade: "AAA" }],
      ["core"],
    );
    expect(tiers.labels).toEqual(["core", "vip"]);
    expect(tiers.counts).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });
});
