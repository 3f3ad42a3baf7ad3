import type { ImportKind } from "@creditseg/core/constants";
import ExcelJS from "exceljs";
import { KIND_SPECS } from "../specs";
import type { ColumnSpec } from "../specs/column-spec";
import { quoteCsvCell as quoteCsv } from "../report/report-csv";

export type TemplateFormat = "csv" | "xlsx";

/** Template header: the Chinese label, with the unit for amounts ("金额(元)"); importing it reads it back. */
function templateHeader(column: ColumnSpec): string {
  return column.isAmount ? `${column.labelZh}(元)` : column.labelZh;
}

/** The example cell typed as Excel would hold it: numbers for amounts and counts, dates for dates. */
function exampleCell(column: ColumnSpec): string | number | Date {
  const parsed = column.parse(column.example, "yuan");
  if (!parsed.ok) return column.example;
  if (typeof parsed.value === "bigint") return Number(parsed.value) / 100;
  if (typeof parsed.value === "number") return parsed.value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(column.example)) return new Date(`${column.example}T00:00:00Z`);
  return column.example;
}

/**
 * A downloadable upload template for a kind, built from its column specs: Chinese headers and one
 * example row; the XLSX adds a sheet describing each column (canonical name, required, aliases).
 */
export async function buildTemplate(kind: ImportKind, format: TemplateFormat): Promise<Buffer> {
  const spec = KIND_SPECS[kind];
  if (format === "csv") {
    const header = spec.columns.map((column) => quoteCsv(templateHeader(column))).join(",");
    const example = spec.columns.map((column) => quoteCsv(column.example)).join(",");
    return Buffer.from(`\uFEFF${header}\r\n${example}\r\n`, "utf8");
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.labelZh);
  sheet.addRow(spec.columns.map(templateHeader)).font = { bold: true };
  sheet.addRow(spec.columns.map(exampleCell));
  spec.columns.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1);
    excelColumn.width = Math.max(12, templateHeader(column).length * 2 + 4);
    if (/^\d{4}-\d{2}-\d{2}$/.test(column.example)) excelColumn.numFmt = "yyyy-mm-dd";
    else if (column.isAmount) excelColumn.numFmt = "#,##0.00";
  });
  const notes = workbook.addWorksheet("说明 notes");
  notes.addRow(["列 column", "字段 name", "必填 required", "也可写作 aliases"]).font = { bold: true };
  for (const column of spec.columns)
    notes.addRow([
      templateHeader(column),
      column.name,
      column.isRequired ? "是 yes" : "否 no",
      column.aliases.join(" / "),
    ]);
  notes.getColumn(1).width = 20;
  notes.getColumn(2).width = 20;
  notes.getColumn(4).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
