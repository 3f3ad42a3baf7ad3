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
