import { renderReason } from "../render-reason";
import { columnLabeller } from "../specs";
import type { ImportReport } from "./import-report";

/** A cell a spreadsheet would run as a formula gets a leading apostrophe, so the report is safe to open. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell, neutralised and quoted when needed. */
export function quoteCsvCell(text: string): string {
  const safe = neutraliseCell(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const REPORT_HEADER = ["行号 row", "列 column", "值 value", "原因代码 reason_code", "说明", "message"];

/**
 * The validation report as a downloadable CSV (UTF-8 with BOM so Excel shows Chinese): file-level
 * problems first, then each rejected cell, its reason rendered in Chinese and English from its code and
 * parameters. Cells starting with = + - @ are neutralised.
 */
export function buildReportCsv(report: Pick<ImportReport, "kind" | "fileRejects" | "rejects">): Buffer {
  const zh = { locale: "zh-CN", labelColumn: columnLabeller(report.kind, "zh-CN") } as const;
  const en = { locale: "en", labelColumn: columnLabeller(report.kind, "en") } as const;
  const lines = [REPORT_HEADER.map(quoteCsvCell).join(",")];
  for (const reject of [...report.fileRejects, ...report.rejects]) {
    lines.push(
      [
        reject.rowNumber === null ? "" : String(reject.rowNumber),
        reject.column ?? "",
        reject.value ?? "",
        reject.code,
        renderReason(reject, zh),
        renderReason(reject, en),
      ]
        .map(quoteCsvCell)
        .join(","),
    );
  }
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
