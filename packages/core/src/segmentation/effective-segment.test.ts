import { describe, expect, it } from "vitest";
import { resolveEffectiveSegment } from "./effective-segment";

const TIERS = ["core", "basic", "general"];

describe("resolveEffectiveSegment", () => {
  it("keeps the computed tier and grade without an override", () => {
    expect(resolveEffectiveSegment({ tier: "basic", grade: "B" }, undefined, TIERS)).toEqual({
      tier: "basic",
      grade: "B",
      overrideTier: null,
      overrideGrade: null,
      overrideId: null,
    });
  });

  it("applies tier and grade overrides and names the latest override", () => {
    const effective = resolveEffectiveSegment(
      { tier: "basic", grade: "B" },
      { tier: { value: "core", id: 7 }, grade: { value: "A", id: 9 } },
      TIERS,
    );
    expect(effective).toEqual({ tier: "core", grade: "A", overrideTier: "core", overrideGrade: "A", overrideId: 9 });
  });

  it("does not apply a tier the policy no longer has", () => {
    const effective = resolveEffectiveSegment({ tier: "basic", grade: "B" }, { tier: { value: "vip", id: 3 } }, TIERS);
    expect(effective).toMatchObject({ tier: "basic", overrideTier: null, overrideId: null });
  });
});
