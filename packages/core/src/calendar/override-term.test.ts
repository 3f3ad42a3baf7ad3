import { describe, expect, it } from "vitest";
import { isCleanText } from "../text";
import { isIsoDate } from "./bank-date";
import { MAX_OVERRIDE_TERM_YEARS, checkOverrideExpiry, latestOverrideExpiry } from "./override-term";

describe("latestOverrideExpiry", () => {
  it.each([
    ["2025-06-30", "2028-06-30"],
    ["2025-01-01", "2028-01-01"],
    // 29 February has no counterpart three years on: the month's last day.
    ["2024-02-29", "2027-02-28"],
    ["2025-02-28", "2028-02-28"],
  ])("an override approved on %s may run until %s", (today, latest) => {
    expect(MAX_OVERRIDE_TERM_YEARS).toBe(3);
    expect(latestOverrideExpiry(today)).toBe(latest);
  });
});

describe("checkOverrideExpiry", () => {
  it.each([
    ["2025-06-30", null],
    ["2028-06-30", null],
    [
      "2028-07-01",
      { code: "override.expiry.too_late", params: { expiresOn: "2028-07-01", latest: "2028-06-30", maxYears: 3 } },
    ],
    [
      "9999-12-31",
      { code: "override.expiry.too_late", params: { expiresOn: "9999-12-31", latest: "2028-06-30", maxYears: 3 } },
    ],
    ["2025-06-29", { code: "override.expiry.passed", params: { expiresOn: "2025-06-29", today: "2025-06-30" } }],
    ["2025-02-30", { code: "override.expiry.not_a_date", params: { expiresOn: "2025-02-30" } }],
    ["30/06/2026", { code: "override.expiry.not_a_date", params: { expiresOn: "30/06/2026" } }],
  ])("expiry %s on bank date 2025-06-30 → %j", (expiresOn, problem) => {
    expect(checkOverrideExpiry(expiresOn, "2025-06-30")).toEqual(problem);
  });

  it("reads only real calendar dates", () => {
    expect(["2024-02-29", "2025-12-31"].map(isIsoDate)).toEqual([true, true]);
    expect(["2025-02-29", "2025-13-01", "2025-1-01", ""].map(isIsoDate)).toEqual([false, false, false, false]);
  });
});

describe("isCleanText", () => {
  it.each([
    ["企业 C001", false, true],
    ["50% off_", false, true],
    ["a\u0000b", false, false],
    ["a\u0000b", true, false],
    ["bell\u0007", false, false],
    ["esc\u001b[31m", false, false],
    ["del\u007f", false, false],
    ["c1\u0085", false, false],
    ["evil\u202Etxt.exe", false, false],
    ["isolate\u2066x\u2069", false, false],
    ["two\nlines\ttab", false, false],
    ["two\r\nlines\ttab", true, true],
  ])("%j (multi-line: %s) is clean: %s", (text, isMultiline, isClean) => {
    expect(isCleanText(text, { isMultiline })).toBe(isClean);
  });
});
