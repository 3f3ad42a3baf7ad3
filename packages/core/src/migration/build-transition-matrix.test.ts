import { describe, expect, it } from "vitest";
import { compareSegmentations, labelsOf, selectTransitionCustomers } from "./build-transition-matrix";

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

describe("selectTransitionCustomers", () => {
  const before = [
    { customerId: "C", tier: "basic", grade: "A" },
    { customerId: "A", tier: "core", grade: "AAA" },
    { customerId: "B", tier: "basic", grade: "AA" },
    { customerId: "D", tier: "general", grade: "B" },
  ];
  const after = [
    { customerId: "A", tier: "core", grade: "AA" },
    { customerId: "B", tier: "core", grade: "AA" },
    { customerId: "C", tier: "general", grade: "B" },
    { customerId: "E", tier: "basic", grade: "A" },
  ];
  const tiersBefore = labelsOf(before, "tier");
  const tiersAfter = labelsOf(after, "tier");

  it.each([
    [{ from: ["basic"], to: ["core"] }, ["B"]],
    [{ from: ["basic"] }, ["B", "C"]],
    [{ to: ["core"] }, ["A", "B"]],
    [{ isMovedOnly: true }, ["B", "C"]],
    [{ from: ["general"] }, []],
    [{}, ["A", "B", "C"]],
  ])("selects %j as the customers the matrix counts there", (selection, ids) => {
    expect(selectTransitionCustomers(tiersBefore, tiersAfter, selection)).toEqual(ids);
  });

  it("agrees with every cell of the matrix built from the same labellings", () => {
    const { tiers } = compareSegmentations(before, after, ["core", "basic", "general"]);
    tiers.labels.forEach((from, i) =>
      tiers.labels.forEach((to, j) =>
        expect(selectTransitionCustomers(tiersBefore, tiersAfter, { from: [from], to: [to] })).toHaveLength(
          tiers.counts[i]![j]!,
        ),
      ),
    );
    expect(selectTransitionCustomers(tiersBefore, tiersAfter, { isMovedOnly: true })).toHaveLength(tiers.movedCount);
  });
});
