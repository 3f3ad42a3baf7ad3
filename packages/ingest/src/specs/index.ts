import type { ImportKind } from "@creditseg/core/constants";
import type { KindSpec } from "./column-spec";
import { CUSTOMER_SPEC } from "./customers";
import { DEPOSIT_SPEC } from "./deposits";
import { FEE_SPEC } from "./fees";
import { FTP_SPEC } from "./ftp";
import { LOAN_SPEC } from "./loans";
import { PROJECT_SPEC } from "./projects";

/** The column specs of every import kind: the single source of truth for headers, parsing and templates. */
export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  customers: CUSTOMER_SPEC,
  loans: LOAN_SPEC,
  deposits: DEPOSIT_SPEC,
  fees: FEE_SPEC,
  projects: PROJECT_SPEC,
  ftp: FTP_SPEC,
};

/** A kind's columns as the interface names them: canonical (English) header, Chinese header, whether required. */
export function describeColumns(kind: ImportKind): { name: string; labelZh: string; isRequired: boolean }[] {
  return KIND_SPECS[kind].columns.map(({ name, labelZh, isRequired }) => ({ name, labelZh, isRequired }));
}

/**
 * Names a kind's canonical column as a reader of that language knows it: the Chinese header (资产负债率) in Chinese,
 * the canonical header (debt_ratio) in English; a column the kind does not know shows as it is.
 */
export function columnLabeller(kind: ImportKind, locale: "zh-CN" | "en"): (column: string) => string {
  if (locale === "en") return (column) => column;
  const labels = new Map(KIND_SPECS[kind].columns.map((column) => [column.name, column.labelZh]));
  return (column) => labels.get(column) ?? column;
}
