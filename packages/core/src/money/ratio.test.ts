import { describe, expect, it } from "vitest";
import { ratioPct } from "./ratio";

describe("ratioPct", () => {
  it("rounds half to even at the second decimal", () => {
    // 1 ÷ 800 = 0.125 %: half-up would give 0.13, half-to-even gives 0.12; 3 ÷ 800 = 0.375 % → 0.38.
    expect(ratioPct(1n, 800n)).toBe("0.12");
    expect(ratioPct(3n, 800n)).toBe("0.38");
    expect(ratioPct(1, 3)).toBe("33.33");
  });

  it("is null for a zero whole and exact beyond float precision", () => {
    expect(ratioPct(5n, 0n)).toBeNull();
    expect(ratioPct(10n ** 18n + 1n, 8n * 10n ** 18n, 17)).toBe("12.50000000000000001");
  });
});
