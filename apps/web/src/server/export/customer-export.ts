import { fenToYuanString } from "@creditseg/core";
import { renderClusterLabel, type ClusterLabel } from "@creditseg/core/clustering";
import ExcelJS from "exceljs";
import type { CustomerListRow } from "@creditseg/db";
import { neutraliseCell } from "@creditseg/ingest";

/** What an export adds to the list's rows: the run's cluster labels (stored as codes), by cluster number. */
export type ExportContext = { clusterLabels: ReadonlyMap<number, ClusterLabel> };

type Column = {
  header: string;
  value: (row: CustomerListRow, context: ExportContext) => string | number | null;
  isAmount?: boolean;
};

const yuan = (fen: bigint | null) => (fen === null ? null : fenToYuanString(fen));

function clusterLabelOf(row: CustomerListRow, context: ExportContext, locale: "zh-CN" | "en"): string | null {
  const label = row.cluster === null ? undefined : context.clusterLabels.get(row.cluster);
  return label ? renderClusterLabel(label, locale) : null;
}

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
  // The cluster's business name in both languages, rendered from the code and parameters the run stored.
  { header: "cluster_label_zh", value: (r, c) => clusterLabelOf(r, c, "zh-CN") },
  { header: "cluster_label_en", value: (r, c) => clusterLabelOf(r, c, "en") },
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
export function toCsv(rows: readonly CustomerListRow[], context: ExportContext): string {
  const lines = [EXPORT_COLUMNS.map((c) => c.header).join(",")];
  for (const row of rows)
    lines.push(EXPORT_COLUMNS.map((c) => csvField(c.value(row, context), c.isAmount ?? false)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** An XLSX workbook; text cells are neutralised, amounts are numeric cells formatted to two decimals. */
export async function toXlsx(rows: readonly CustomerListRow[], context: ExportContext): Promise<Uint8Array> {
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
        const value = c.value(row, context);
        if (value === null) return null;
        if (c.isAmount) return Number(value);
        return typeof value === "number" ? value : neutraliseCell(value);
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
