import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmountFen, parseInteger, parseRatePct } from "./parse-number";

describe("parseAmountFen", () => {
  it.each([
    ["1,234.56", "yuan", 123_456n],
    ["  5000000 ", "yuan", 500_000_000n],
    ["0", "yuan", 0n],
    ["-20,000", "yuan", -2_000_000n],
    ["(1,000.00)", "yuan", -100_000n],
    ["¥1,000.5", "yuan", 100_050n],
    ["12.5", "wan", 12_500_000n],
    ["0.0001", "wan", 100n],
    ["1.5", "yi", 15_000_000_000n],
    ["30万元", "yuan", 30_000_000n],
    ["0.005", "yuan", 0n],
    ["0.015", "yuan", 2n],
    ["0.0151", "yuan", 2n],
    ["1，000", "yuan", 100_000n],
  ] as const)("%s in %s → %s fen", (text, unit, fen) => {
    expect(parseAmountFen(text, unit)).toEqual({ ok: true, value: fen });
  });

  it("reads XLSX numbers through their shortest decimal text", () => {
    expect(parseAmountFen(2_950_000.5, "yuan")).toEqual({ ok: true, value: 295_000_050n });
  });

  it.each(["", "abc", "1.2.3", "1e5", "--1", "12%"])("rejects %j as invalid_number", (text) => {
    expect(parseAmountFen(text, "yuan")).toMatchObject({ ok: false, code: "invalid_number" });
  });

  it("round-trips any fen amount written with thousands separators", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (fen) => {
        const abs = fen < 0n ? -fen : fen;
        const text = `${fen < 0n ? "-" : ""}${(abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${(abs % 100n).toString().padStart(2, "0")}`;
        expect(parseAmountFen(text, "yuan")).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe("parseRatePct", () => {
  it.each([
    ["4.35", "4.35"],
    ["4.35%", "4.35"],
    ["4.350", "4.35"],
    ["04.785", "4.785"],
    ["5", "5"],
    ["3.000000", "3"],
  ])("%s → %s", (text, rate) => {
    expect(parseRatePct(text)).toEqual({ ok: true, value: rate });
  });
  it("refuses a basis-point mistake as out of range: numeric(9, 6) holds below 1,000", () => {
    expect(parseRatePct("4350")).toMatchObject({ ok: false, code: "rate_out_of_range" });
    expect(parseRatePct("999.5")).toEqual({ ok: true, value: "999.5" });
  });
  it("rejects more than six decimals", () => {
    expect(parseRatePct("4.1234567")).toMatchObject({ ok: false, code: "invalid_number" });
  });
});

describe("parseInteger", () => {
  it.each([
    ["12", 12],
    ["1,200", 1200],
    ["12.0", 12],
    [36, 36],
  ] as const)("%j → %d", (cell, value) => {
    expect(parseInteger(cell)).toEqual({ ok: true, value });
  });
  it.each(["12.5", "twelve", ""])("rejects %j", (cell) => {
    expect(parseInteger(cell)).toMatchObject({ ok: false, code: "invalid_integer" });
  });
});
