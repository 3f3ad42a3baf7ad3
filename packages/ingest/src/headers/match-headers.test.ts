import { describe, expect, it } from "vitest";
import { KIND_SPECS } from "../specs";
import { matchHeaders, splitHeaderUnit } from "./match-headers";

describe("splitHeaderUnit", () => {
  it.each([
    ["金额(万元)", "金额", "wan"],
    ["金额（万元）", "金额", "wan"],
    ["贷款金额(元)", "贷款金额", "yuan"],
    ["总投资（亿元）", "总投资", "yi"],
    ["执行利率(%)", "执行利率", null],
    ["期限(月)", "期限(月)", null],
    ["\uFEFFcustomer_id", "customer_id", null],
  ])("%s → %s, %s", (header, name, unit) => {
    expect(splitHeaderUnit(header)).toEqual({ name, unit });
  });
});

describe("matchHeaders", () => {
  it("recognises canonical names, Chinese aliases and units", () => {
    const match = matchHeaders(KIND_SPECS.loans, [
      "借据号",
      "客户编号",
      "产品",
      "金额(万元)",
      "执行利率(%)",
      "期限(月)",
      "起始日",
      "到期日",
      "担保方式",
      "五级分类",
      "考核贷款年日均",
      "累计天数",
      "备注",
    ]);
    expect(match.missing).toEqual([]);
    expect(match.unknownHeaders).toEqual(["备注"]);
    expect(match.bindings.find((binding) => binding.spec.name === "amount")?.unit).toBe("wan");
    expect(match.bindings.find((binding) => binding.spec.name === "term_months")?.header).toBe("期限(月)");
  });

  it("folds case, spaces and underscores of English headers", () => {
    const match = matchHeaders(KIND_SPECS.deposits, [
      "Account ID",
      "CUSTOMER_ID",
      "product",
      "Avg Daily Balance",
      "Rate",
      "days",
    ]);
    expect(match.missing).toEqual([]);
  });

  it("names each missing required column and duplicated column", () => {
    const match = matchHeaders(KIND_SPECS.loans, ["loan_id", "借据号", "customer_id"]);
    expect(match.duplicates).toEqual([{ column: "loan_id", headers: ["loan_id", "借据号"] }]);
    expect(match.missing.map((column) => column.name)).toEqual([
      "product",
      "amount",
      "rate",
      "term_months",
      "start_date",
      "maturity_date",
      "guarantee",
      "classification",
      "avg_daily_balance",
      "days",
    ]);
  });

  it("applies a saved mapping before the aliases", () => {
    const match = matchHeaders(KIND_SPECS.customers, ["客户", "name"], { 客户: "customer_id" });
    expect(match.bindings.map((binding) => binding.spec.name)).toEqual(["customer_id", "name"]);
  });
});
