export { inspectFile, type FileInspection } from "./inspect-file";
export {
  validateImport,
  resolvePeriod,
  NO_PERIOD,
  type OpenedImport,
  type ImportOptions,
  type ValidateImportArgs,
  type Validation,
} from "./validate/validate-import";
export { commitImport, type CommitImportArgs } from "./commit/commit-import";
export { readFileRows, type FileRows } from "./validate/read-file-rows";
export type { Actor } from "./commit/actor";
export { listBatches, type BatchSummary } from "./batches/list-batches";
export { rollbackBatch, type RollbackResult } from "./batches/rollback-batch";
export {
  saveMapping,
  listMappings,
  resolveMapping,
  saveMappingInput,
  type SaveMappingInput,
  type SavedMapping,
} from "./mappings/column-mappings";
export { buildTemplate, type TemplateFormat } from "./templates/build-template";
export { buildReportCsv, neutraliseCell } from "./report/report-csv";
export type { ColumnUse, ImportReport, ImportStatus, ImportTotals } from "./report/import-report";
export { DEFAULT_IMPORT_BUDGETS, resolveBudgets, type ImportBudgets } from "./budgets";
export {
  REASONS,
  REASON_DETAILS,
  isReasonCode,
  makeReject,
  type ReasonCode,
  type ReasonParams,
  type Reject,
} from "./reasons";
export {
  REASON_MESSAGES,
  composeReason,
  renderReason,
  type ReasonLocale,
  type ReasonMessages,
  type FormatReasonMessage,
} from "./render-reason";
export { IngestError, type IngestErrorCode } from "./ingest-error";
export { INGEST_AUDIT_ACTIONS, type IngestAuditAction } from "./audit-actions";
export { fileSource, bufferSource, type ImportSource } from "./source";
export type { ImportPhase, ImportProgress, ProgressListener } from "./progress";
export type { ReadOptions, TableInfo } from "./read/open-table";
export {
  matchHeaders,
  splitHeaderUnit,
  type HeaderMapping,
  type HeaderMatch,
  type ColumnBinding,
} from "./headers/match-headers";
export { KIND_SPECS, columnLabeller, describeColumns } from "./specs";
export type { ColumnSpec, KindSpec } from "./specs/column-spec";
export { customerRowSchema, type CustomerRow, CUSTOMER_SPEC } from "./specs/customers";
export { loanRowSchema, type LoanRow, LOAN_SPEC, LOAN_RATE_RANGE } from "./specs/loans";
export { depositRowSchema, type DepositRow, DEPOSIT_SPEC } from "./specs/deposits";
export { feeRowSchema, type FeeRow, FEE_SPEC } from "./specs/fees";
export { projectRowSchema, type ProjectRow, PROJECT_SPEC } from "./specs/projects";
export { ftpRowSchema, type FtpRow, FTP_SPEC } from "./specs/ftp";
export { FORMULA_PREFIX } from "./specs/row-rules";
export { parseAmountFen, parseRatePct, parseInteger, parseDecimal } from "./values/parse-number";
export { parseDate } from "./values/parse-date";
export type { AmountUnit, CellValue } from "./values/cell";
