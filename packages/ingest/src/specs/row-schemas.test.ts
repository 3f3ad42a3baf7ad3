import { describe, expect, it } from "vitest";
import { parseClassification, parseEnterpriseSize, parseGuarantee, parseYesNo } from "./choices";
import { loanRowSchema } from "./loans";

const validLoan = {
  loanId: "L1",
  customerId: "C1",
  product: "流动资金贷款",
  amountFen: 100_000_000n,
  ratePct: "4.35",
  termMonths: 12,
  startDate: "2025-01-15",
  maturityDate: "2026-01-15",
  guarantee: "guarantee",
  classification: "normal",
  avgDailyBalanceFen: 90_000_000n,
  days: 350,
};

const codes = (value: unknown) => {
  const result = loanRowSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${String(issue.path[0])}:${issue.message}`);
};

describe("loanRowSchema (shared with the API)", () => {
  it("accepts a valid loan", () => expect(codes(validLoan)).toEqual([]));
  it.each([
    ["ratePct:rate_out_of_range", { ratePct: "4350" }],
    ["ratePct:rate_out_of_range", { ratePct: "-0.1" }],
    ["amountFen:negative_amount", { amountFen: -1n }],
    ["product:formula_injection", { product: '=HYPERLINK("x")' }],
    ["product:formula_injection", { product: "+86 cmd" }],
    ["product:formula_injection", { product: "@SUM(A1)" }],
    ["customerId:formula_injection", { customerId: "-C1" }],
    ["maturityDate:maturity_before_start", { maturityDate: "2024-01-01" }],
    ["termMonths:value_out_of_range", { termMonths: 0 }],
    ["classification:invalid_choice", { classification: "bad" }],
  ] as [string, Record<string, unknown>][])("rejects with %s", (code, change) => {
    expect(codes({ ...validLoan, ...change })).toEqual([code]);
  });
});

describe("Chinese and English choices", () => {
  it.each([
    ["正常", "normal"],
    ["关注", "special_mention"],
    ["Special Mention", "special_mention"],
    ["次级类", "substandard"],
    ["可疑", "doubtful"],
    ["LOSS", "loss"],
  ])("classification %s → %s", (text, value) => expect(parseClassification(text)).toEqual({ ok: true, value }));
  it.each([
    ["信用", "credit"],
    ["保证", "guarantee"],
    ["抵押", "collateral"],
    ["质押", "pledge"],
  ])("guarantee %s → %s", (text, value) => expect(parseGuarantee(text)).toEqual({ ok: true, value }));
  it.each([
    ["小型企业", "small"],
    ["micro", "micro"],
  ])("size %s → %s", (text, value) => expect(parseEnterpriseSize(text)).toEqual({ ok: true, value }));
  it("names the allowed values when a word is unknown", () => {
    expect(parseClassification("good")).toMatchObject({
      ok: false,
      code: "invalid_choice",
      params: { allowed: expect.stringContaining("正常") },
    });
  });
  it.each([
    ["是", true],
    ["否", false],
    [true, true],
  ] as const)("yes/no %j → %s", (cell, value) => expect(parseYesNo(cell)).toEqual({ ok: true, value }));
});
