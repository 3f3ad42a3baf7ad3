import { describe, expect, it } from "vitest";
import { REASONS, makeReject } from "../reasons";
import { emptyTotals, type ImportReport } from "./import-report";
import { buildReportCsv, neutraliseCell } from "./report-csv";

describe("neutraliseCell", () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["正常", "正常"],
  ])("%j → %j", (text, safe) => expect(neutraliseCell(text)).toBe(safe));
});

describe("buildReportCsv", () => {
  it("lists file problems then rejected cells, bilingual, with formulas neutralised", () => {
    const report: ImportReport = {
      status: "rejected",
      kind: "loans",
      period: "2025",
      fileName: "x.csv",
      checksum: null,
      table: null,
      columns: [],
      unknownHeaders: [],
      fileRejects: [makeReject({ code: "control_total_mismatch", params: { totalFen: "10", expectedFen: "20" } })],
      rejects: [
        makeReject({
          code: "formula_injection",
          rowNumber: 3,
          column: "product",
          value: '=HYPERLINK("http://x","点")',
        }),
      ],
      isRejectListTruncated: false,
      warnings: [],
      totals: emptyTotals(null),
      isDryRun: false,
      batchId: null,
      changes: null,
    };
    const text = buildReportCsv(report).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^,,,control_total_mismatch,/);
    expect(lines[2]).toBe(
      `3,product,"'=HYPERLINK(""http://x"",""点"")",formula_injection,${REASONS.formula_injection.zh},${REASONS.formula_injection.en}`,
    );
    expect(lines[1]).toContain(`${REASONS.control_total_mismatch.en}: total 10 fen, expected 20`);
  });
});
