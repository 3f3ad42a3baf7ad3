import { describe, expect, it } from "vitest";
import { addDays, addYears, bankDate, isKnownTimeZone, previousYearPeriod } from "./bank-date";
import { isPeriodCode, parsePeriod, periodCodeSchema } from "./period";

describe("parsePeriod", () => {
  it.each([
    ["2025", "year", "2025-01-01", "2025-12-31", 365],
    ["2024", "year", "2024-01-01", "2024-12-31", 366],
    ["2025Q1", "quarter", "2025-01-01", "2025-03-31", 90],
    ["2024Q1", "quarter", "2024-01-01", "2024-03-31", 91],
    ["2025Q4", "quarter", "2025-10-01", "2025-12-31", 92],
    ["2025-02", "month", "2025-02-01", "2025-02-28", 28],
    ["2024-02", "month", "2024-02-01", "2024-02-29", 29],
    ["2025-12", "month", "2025-12-01", "2025-12-31", 31],
  ])("%s is a %s from %s to %s (%i days)", (code, kind, start, end, days) => {
    expect(parsePeriod(code)).toEqual({ code, kind, start, end, days });
  });

  it.each([
    "",
    "25",
    "20250",
    "2025Q5",
    "2025Q0",
    "2025-13",
    "2025-00",
    "2025-6",
    "2025q2",
    " 2025",
    "1989",
    "2101",
    "2025-06-01",
  ])("refuses %j", (text) => {
    expect(parsePeriod(text)).toBeNull();
    expect(isPeriodCode(text)).toBe(false);
    expect(periodCodeSchema.safeParse(text).success).toBe(false);
  });

  it("names the refusal with a code", () => {
    const result = periodCodeSchema.safeParse("2025Q9");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("period.invalid");
  });
});

describe("bankDate", () => {
  it("is the Beijing date across UTC midnight", () => {
    // 00:30 in Beijing on 2026-03-02 is 16:30 UTC on 2026-03-01.
    expect(bankDate(new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02");
    expect(bankDate(new Date("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(bankDate(new Date("2026-03-01T16:30:00Z"), "UTC")).toBe("2026-03-01");
  });

  it("knows real zones and refuses made-up ones", () => {
    expect(isKnownTimeZone("Asia/Shanghai")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });

  it("moves dates by days across month and leap boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });
});

describe("addYears and previousYearPeriod", () => {
  it("moves by whole years, 29 February falling back to the 28th, and offers the last closed year of the bank date", () => {
    expect(addYears("2025-03-16", 1)).toBe("2026-03-16");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    // 00:30 on 1 January in Beijing is still 31 December in UTC: the bank's year has turned.
    expect(previousYearPeriod(bankDate(new Date("2025-12-31T16:30:00Z")))).toBe("2025");
    expect(previousYearPeriod("2025-12-31")).toBe("2024");
  });
});
