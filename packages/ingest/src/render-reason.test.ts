import { describe, expect, it } from "vitest";
import { makeReject, REASONS } from "./reasons";
import { renderReason } from "./render-reason";
import { columnLabeller } from "./specs";

describe("renderReason", () => {
  it("renders a reason without parameters as its sentence", () => {
    const reject = makeReject({ code: "missing_value", rowNumber: 4, column: "rate" });
    expect(renderReason(reject, { locale: "zh-CN" })).toBe(REASONS.missing_value.zh);
    expect(renderReason(reject, { locale: "en" })).toBe(REASONS.missing_value.en);
  });

  it("adds one detail per parameter, in each language's punctuation", () => {
    const reject = makeReject({ code: "duplicate_key_in_file", rowNumber: 9, params: { firstRow: 3 } });
    expect(renderReason(reject, { locale: "zh-CN" })).toBe("文件内主键重复：与第 3 行重复");
    expect(renderReason(reject, { locale: "en" })).toBe("duplicate key within the file: same as row 3");
    const budget = makeReject({ code: "too_many_cells", rowNumber: 7, params: { limit: 1000, row: 7 } });
    expect(renderReason(budget, { locale: "zh-CN" })).toBe("一行的单元格数超过上限：第 7 行；上限 1000");
    expect(renderReason(budget, { locale: "en" })).toBe(
      "a row has more cells than an import allows: at row 7; limit 1000",
    );
  });

  it("names a column by its label in Chinese and its canonical header in English", () => {
    const reject = makeReject({
      code: "missing_required_column",
      column: "debt_ratio",
      params: { column: "debt_ratio" },
    });
    expect(renderReason(reject, { locale: "zh-CN", labelColumn: columnLabeller("customers", "zh-CN") })).toBe(
      "缺少必需列：资产负债率",
    );
    expect(renderReason(reject, { locale: "en", labelColumn: columnLabeller("customers", "en") })).toBe(
      "a required column is missing: debt_ratio",
    );
  });

  it("joins listed headers and keeps dates and a library's message as they are", () => {
    const headers = makeReject({ code: "duplicate_column", params: { headers: ["利率", "rate"] } });
    expect(renderReason(headers, { locale: "zh-CN" })).toBe("多列对应同一字段：利率、rate");
    const day = makeReject({ code: "invalid_date", params: { year: "2025", month: "2", day: "30" } });
    expect(renderReason(day, { locale: "zh-CN" })).toContain("：2025年2月没有30日");
    expect(renderReason(day, { locale: "en" })).toContain(": 2025-2 has no day 30");
    const broken = makeReject({ code: "unreadable_xlsx", params: { detail: "end of central directory {not found}" } });
    expect(renderReason(broken, { locale: "en" })).toBe(
      "the XLSX file is damaged or unreadable: end of central directory {not found}",
    );
  });

  it("shows a code this release does not know as the code", () => {
    expect(renderReason({ code: "retired_reason", params: {} }, { locale: "en" })).toBe("retired_reason");
  });
});
