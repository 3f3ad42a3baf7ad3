import { describe, expect, it } from "vitest";
import { Dec } from "./decimal";
import {
  divideRoundHalfEven,
  fenToYuanString,
  formatFenAsWan,
  formatFenAsYi,
  formatFenAsYuan,
  parseYuanToFen,
  roundFenHalfEven,
  sumFen,
} from "./fen";

describe("roundFenHalfEven", () => {
  it.each([
    ["0.5", 0n],
    ["1.5", 2n],
    ["2.5", 2n],
    ["2.5000001", 3n],
    ["-0.5", 0n],
    ["-1.5", -2n],
    ["-2.5", -2n],
    ["172500.49", 172500n],
  ])("%s fen → %s", (value, expected) => {
    expect(roundFenHalfEven(new Dec(value))).toBe(expected);
  });
});

describe("divideRoundHalfEven", () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [5n, -2n, -2n],
    [10n, 3n, 3n],
    [20n, 3n, 7n],
    [0n, 7n, 0n],
  ])("%s ÷ %s → %s", (n, d, expected) => {
    expect(divideRoundHalfEven(n, d)).toBe(expected);
  });

  it("refuses a zero denominator", () => {
    expect(() => divideRoundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe("parseYuanToFen", () => {
  it.each([
    ["1,234.56", 123456n],
    ["  20000 ", 2000000n],
    ["-0.01", -1n],
    ["0.005", 0n],
    ["0.015", 2n],
    [".5", 50n],
    ["12abc", null],
    ["", null],
    ["1e5", null],
  ])("%j → %s", (text, expected) => {
    expect(parseYuanToFen(text)).toBe(expected);
  });
});

describe("formatting", () => {
  it.each([
    [123456789n, "1,234,567.89", "123.46万元", "0.01亿元"],
    [27_500_000n, "275,000.00", "27.50万元", "0.00亿元"],
    [-150n, "-1.50", "-0.00万元", "-0.00亿元"],
    [15_000_000_000n, "150,000,000.00", "15,000.00万元", "1.50亿元"],
  ])("%s fen", (fen, yuan, wan, yi) => {
    expect(formatFenAsYuan(fen)).toBe(yuan);
    expect(formatFenAsWan(fen)).toBe(wan);
    expect(formatFenAsYi(fen)).toBe(yi);
  });

  it.each([
    [27_500_000n, "275000.00"],
    [-5n, "-0.05"],
    [0n, "0.00"],
  ])("fenToYuanString(%s) = %s", (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text);
  });

  it("sums fen", () => {
    expect(sumFen([1n, 2n, -3n, 10n])).toBe(10n);
    expect(sumFen([])).toBe(0n);
  });
});
