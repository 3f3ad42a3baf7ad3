import { PassThrough } from "node:stream";
import { fenToYuanString } from "@creditseg/core";
import { renderClusterLabel, type ClusterLabel } from "@creditseg/core/clustering";
import type { CustomerListRow } from "@creditseg/db";
import { neutraliseCell } from "@creditseg/ingest";
import ExcelJS from "exceljs";

export type CustomerExportFormat = "csv" | "xlsx";

/** The HTTP content type of each format. */
export const EXPORT_CONTENT_TYPES: Record<CustomerExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** What an export adds to the list's rows: the run's cluster labels (stored as codes), by cluster number. */
export type ExportContext = { clusterLabels: ReadonlyMap<number, ClusterLabel> };

/** One column of an exported table: its header, its cell of a row, and whether the cell is an amount in yuan. */
export type ExportColumn<Row> = {
  header: string;
  value: (row: Row) => string | number | null;
  /** Our own exact decimal ("-1234.56"): never neutralised, a numeric cell in XLSX. */
  isAmount?: boolean;
};

const yuan = (fen: bigint | null) => (fen === null ? null : fenToYuanString(fen));

function clusterLabelOf(row: CustomerListRow, context: ExportContext, locale: "zh-CN" | "en"): string | null {
  const label = row.cluster === null ? undefined : context.clusterLabels.get(row.cluster);
  return label ? renderClusterLabel(label, locale) : null;
}

/** The customer list's export columns, with the run's cluster labels: one row per customer, amounts in CNY (yuan) to the fen. */
export function customerListColumns(context: ExportContext): readonly ExportColumn<CustomerListRow>[] {
  return CUSTOMER_LIST_COLUMNS.map(({ header, value, isAmount }) => ({
    header,
    isAmount,
    value: (row) => value(row, context),
  }));
}

const CUSTOMER_LIST_COLUMNS: readonly {
  header: string;
  value: (row: CustomerListRow, context: ExportContext) => string | number | null;
  isAmount?: boolean;
}[] = [
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

/** The header of every customer-list export, in order. */
export const EXPORT_HEADERS: readonly string[] = CUSTOMER_LIST_COLUMNS.map((c) => c.header);

/** Writes a table's rows a page at a time into a sink as bytes; `end` finishes the file. */
export type TableWriter<Row> = {
  addRows: (rows: readonly Row[]) => Promise<void>;
  end: () => Promise<void>;
};

type ByteSink = (bytes: Uint8Array) => Promise<void>;

function csvField(value: string | number | null, isAmount: boolean): string {
  if (value === null) return "";
  // Amounts are our own exact decimals ("-1234.56"); every other text came from uploaded data.
  const text = isAmount || typeof value === "number" ? String(value) : neutraliseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 CSV with a byte-order mark so Excel shows Chinese names correctly; CRLF line ends. */
function csvWriter<Row>(sink: ByteSink, columns: readonly ExportColumn<Row>[]): TableWriter<Row> {
  const encoder = new TextEncoder();
  let isHeaderWritten = false;
  const header = async () => {
    if (isHeaderWritten) return;
    isHeaderWritten = true;
    await sink(encoder.encode(`\uFEFF${columns.map((c) => c.header).join(",")}\r\n`));
  };
  return {
    addRows: async (rows) => {
      await header();
      if (rows.length === 0) return;
      const lines = rows.map((row) => columns.map((c) => csvField(c.value(row), c.isAmount ?? false)).join(","));
      await sink(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
    end: header,
  };
}

/**
 * An XLSX workbook written as a stream (exceljs's streaming writer: each row is committed as it is added, so memory
 * holds a page, not the sheet); text cells are neutralised, amounts are numeric cells formatted to two decimals.
 */
function xlsxWriter<Row>(sink: ByteSink, columns: readonly ExportColumn<Row>[]): TableWriter<Row> {
  const output = new PassThrough();
  // The zip's bytes go to the sink as the writer produces them; a sink's failure ends the export with it.
  const drained = (async () => {
    for await (const chunk of output) await sink(chunk as Buffer);
  })();
  drained.catch(() => {});
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("customers");
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.isAmount ? 18 : 14,
    style: c.isAmount ? { numFmt: "#,##0.00" } : {},
  }));
  return {
    addRows: async (rows) => {
      for (const row of rows) {
        sheet
          .addRow(
            columns.map((c) => {
              const value = c.value(row);
              if (value === null) return null;
              if (c.isAmount) return Number(value);
              return typeof value === "number" ? value : neutraliseCell(value);
            }),
          )
          .commit();
      }
      // Let the zip stream hand what it holds to the sink before the next page is read.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
      await drained;
    },
  };
}

/**
 * The writer of one format: UTF-8 CSV with a byte-order mark (so Excel reads Chinese text) and CRLF line ends, or an
 * XLSX sheet "customers" written as a stream. Text cells are neutralised (a cell starting = + - @ is not a formula).
 */
export function createTableWriter<Row>(
  format: CustomerExportFormat,
  columns: readonly ExportColumn<Row>[],
  sink: ByteSink,
): TableWriter<Row> {
  return format === "csv" ? csvWriter(sink, columns) : xlsxWriter(sink, columns);
}
