import { isPeriodCode } from "@creditseg/core/calendar";
import { describe, expect, it } from "vitest";
import { periodInput } from "./common";

describe("the web API's period input", () => {
  it("accepts exactly what core's period syntax accepts, so a period imported from the CLI can be run from the web", () => {
    const texts = ["2025", "2025Q2", "2025-06", "2025Q5", "2025-13", "2025-6", "25", "2025 ", "1989", "2101Q1", ""];
    expect(texts.map((text) => periodInput.safeParse(text).success)).toEqual(texts.map(isPeriodCode));
    expect(periodInput.safeParse("2025Q2").success).toBe(true);
    expect(periodInput.safeParse("2025Q5").success).toBe(false);
  });
});
