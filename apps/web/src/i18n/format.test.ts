import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatAxisMoney,
  formatChartMoney,
  formatPct,
  formatPctPrecise,
  formatTableMoney,
  parseTableMoneyToYuan,
  yuanToTableMoney,
  tableMoneyUnit,
} from "./format";

describe("money in a bank's units", () => {
  it.each([
    // fen, zh-CN, en
    [0n, "0.00万元", "CNY 0.00m"],
    [27_500_000n, "27.50万元", "CNY 0.28m"],
    [800_000_000n, "800.00万元", "CNY 8.00m"],
    [-2_750_000_000n, "-2,750.00万元", "CNY -27.50m"],
    [15_000_000_000n, "1.50亿元", "CNY 150.00m"],
    [25_181_900_000n, "2.52亿元", "CNY 251.82m"],
  ])("formatAmount(%s) reads %s / %s", (fen, zh, en) => {
    expect(formatAmount(fen, "zh-CN")).toBe(zh);
    expect(formatAmount(fen, "en")).toBe(en);
  });

  it("rounds CNY millions half to even, exactly (no float on the way)", () => {
    // 12,345.00 yuan = 0.012345m → 0.01; 15,000 yuan = 0.015m → 0.02 (half to even keeps 2); 25,000 → 0.02.
    expect(formatAmount(1_234_500n, "en")).toBe("CNY 0.01m");
    expect(formatAmount(1_500_000n, "en")).toBe("CNY 0.02m");
    expect(formatAmount(2_500_000n, "en")).toBe("CNY 0.02m");
    expect(formatAmount(900_719_925_474_099_300n, "en")).toBe("CNY 9,007,199,254.74m");
  });

  it("writes table cells as numbers in the unit their header names", () => {
    expect([tableMoneyUnit("zh-CN"), formatTableMoney(800_000_000n, "zh-CN")]).toEqual(["万元", "800.00"]);
    expect([tableMoneyUnit("en"), formatTableMoney(800_000_000n, "en")]).toEqual(["CNY m", "8.00"]);
    expect(formatTableMoney(null, "en")).toBe("—");
  });

  it("reads a threshold typed in the table unit as exact yuan, and shows yuan in that unit", () => {
    expect(parseTableMoneyToYuan("150.5", "zh-CN")).toBe(1_505_000);
    expect(parseTableMoneyToYuan("1,500", "zh-CN")).toBe(15_000_000);
    expect(parseTableMoneyToYuan("1.25", "en")).toBe(1_250_000);
    expect(parseTableMoneyToYuan("abc", "en")).toBeNull();
    expect(yuanToTableMoney(1_000_000, "zh-CN")).toBe(100);
    expect(yuanToTableMoney(1_000_000, "en")).toBe(1);
  });

  it.each([
    [8_000_000, "800万", "8m"],
    [251_819_000, "2.5亿", "251.8m"],
    [2_500_000_000, "25亿", "2.5bn"],
    [500_000, "50万", "500k"],
    [-1_200_000, "-120万", "-1.2m"],
    [800, "800", "800"],
  ])("puts axis tick %s as %s / %s, never the raw number", (yuan, zh, en) => {
    expect(formatAxisMoney(yuan, "zh-CN")).toBe(zh);
    expect(formatAxisMoney(yuan, "en")).toBe(en);
  });

  it("writes tooltips with the unit", () => {
    expect(formatChartMoney(8_000_000, "zh-CN")).toBe("800.00万元");
    expect(formatChartMoney(8_000_000, "en")).toBe("CNY 8.00m");
  });

  it("prints rates to two decimals with %", () => {
    expect(formatPct("3.807000")).toBe("3.81%");
    expect(formatPct(4.35)).toBe("4.35%");
    expect(formatPct("")).toBe("—");
    expect(formatPctPrecise("3.807000")).toBe("3.807%");
    expect(formatPctPrecise("4.35")).toBe("4.35%");
    expect(formatPctPrecise("4.7855")).toBe("4.7855%");
    expect(formatPctPrecise(2)).toBe("2.00%");
  });
});
