import { fenToYuanString } from "@creditseg/core";
import ExcelJS from "exceljs";
import type { CustomerListRow } from "@creditseg/db";

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return that some
 * programs strip first) would run as a formula. Prefixing an apostrophe makes it plain text.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

type Column = { header: string; value: (row: CustomerListRow) => string | number | null; isAmount?: boolean };

const yuan = (fen: bigint | null) => (fen === null ? null : fenToYuanString(fen));

/** Export columns: one row per customer, amounts in CNY (yuan) to the fen. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: "customer_id", value: (r) => r.customerId },
  { header: "name", value: (r) => r.name },
  { header: "industry", value: (r) => r.industry },
  { header: "region", value: (r) => r.region },
  { header: "size", value: (r) => r.size },
  { header: "officer", value: (r) => r.officer },
  { header: "classification", value: (r) => r.classification },
  // The segment in force in the run (an approved override carried into it), then the one the run computed.
  { header: "tier", value: (r) => r.effectiveTier },
  { header: "computed_tier", value: (r) => r.tier },
  { header: "grade", value: (r) => r.effectiveGrade },
  { header: "computed_grade", value: (r) => r.grade },
  { header: "override_id", value: (r) => r.overrideId },
  { header: "cluster", value: (r) => r.cluster },
  { header: "deposit_contribution_cny", value: (r) => yuan(r.depositContributionFen), isAmount: true },
  { header: "loan_contribution_cny", value: (r) => yuan(r.loanContributionFen), isAmount: true },
  { header: "fee_income_cny", value: (r) => yuan(r.feeIncomeFen), isAmount: true },
  { header: "contribution_cny", value: (r) => yuan(r.contributionFen), isAmount: true },
  { header: "loan_balance_cny", value: (r) => yuan(r.loanBalanceFen), isAmount: true },
  { header: "deposit_balance_cny", value: (r) => yuan(r.depositBalanceFen), isAmount: true },
];

function csvField(value: string | number | null, isAmount: boolean): string {
  if (value === null) return "";
  // Amounts are our own exact decimals ("-1234.56"); every other text came from uploaded data.
  const text = isAmount || typeof value === "number" ? String(value) : neutraliseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 CSV with a byte-order mark so Excel shows Chinese names correctly. */
export function toCsv(rows: readonly CustomerListRow[]): string {
  const lines = [EXPORT_COLUMNS.map((c) => c.header).join(",")];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((c) => csvField(c.value(row), c.isAmount ?? false)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** An XLSX workbook; text cells are neutralised, amounts are numeric cells formatted to two decimals. */
export async function toXlsx(rows: readonly CustomerListRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("customers");
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.isAmount ? 18 : 14,
    style: c.isAmount ? { numFmt: "#,##0.00" } : {},
  }));
  for (const row of rows) {
    sheet.addRow(
      EXPORT_COLUMNS.map((c) => {
        const value = c.value(row);
        if (value === null) return null;
        if (c.isAmount) return Number(value);
        return typeof value === "number" ? value : neutraliseCell(value);
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
