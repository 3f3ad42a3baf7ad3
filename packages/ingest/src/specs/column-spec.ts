import type { Period } from "@creditseg/core/calendar";
import type { ImportKind } from "@creditseg/core/constants";
import type { ReasonCode, ReasonParams } from "../reasons";
import type { z } from "zod";
import type { AmountUnit, CellParse, CellValue } from "../values/cell";

/**
 * One column of an import kind: the single source of truth for header recognition, cell parsing,
 * the downloadable templates and the database column (snake_case of `field`).
 */
export type ColumnSpec = {
  /** Canonical English header, as in the templates: "loan_id". */
  name: string;
  /** Field of the row record and, in snake_case, the database column: "loanId" → loan_id. */
  field: string;
  /** Chinese header used in the templates. */
  labelZh: string;
  /** Other headers banks use (Chinese and English); matched after folding case, spaces and brackets. */
  aliases: readonly string[];
  isRequired: boolean;
  /** Amount columns are read in 元 unless the header names 万元 / 亿元. */
  isAmount?: boolean;
  /** Value of an empty optional cell. */
  emptyValue?: unknown;
  parse: (cell: CellValue, unit: AmountUnit) => CellParse<unknown>;
  /** The template's example cell. */
  example: string;
};

export type KindSpec = {
  kind: ImportKind;
  labelZh: string;
  /** Target table. */
  table: string;
  columns: readonly ColumnSpec[];
  /** Validates a parsed row; its messages are reason codes. Shared with the API. */
  schema: z.ZodType;
  /** Natural key fields; with `period` first for periodic kinds. */
  keyFields: readonly string[];
  /** Key fields that may be null (compared with IS NOT DISTINCT FROM). */
  nullableKeyFields?: readonly string[];
  /** Rows belong to a period (loans 2025) rather than being master data or effective-dated. */
  isPeriodic: boolean;
  /** Field summed for the control totals (fen), or null. */
  totalField: string | null;
  /** Field that must name a customer already in the database. */
  customerField: string | null;
  /** Fields written to the table, in COPY order, without period and import_batch_id. */
  dbFields: readonly string[];
  /** Extra writes on update (customers.updated_at). */
  updateExtras?: string;
  /**
   * Plausibility of a schema-valid row against the period it is loaded for (dates, days): "reject" findings
   * reject the row, "warning" findings (judgement calls) are shown in the report and the row loads.
   */
  checkAgainstPeriod?: (row: Record<string, unknown>, period: Period) => RowFinding[];
  /** Per-pass row completion, e.g. a derived natural key; stateful, so one per pass. */
  createRowFinisher?: () => (row: Record<string, unknown>) => Record<string, unknown>;
};

/** loanId → loan_id. */
export function toSnakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** One plausibility finding on a row: the field it is about and its reason. */
export type RowFinding = {
  field: string;
  code: ReasonCode;
  severity: "reject" | "warning";
  params?: ReasonParams;
};
