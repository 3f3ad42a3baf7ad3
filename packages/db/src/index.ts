export {
  createDb,
  type CreateDbOptions,
  type Db,
  type DbHandle,
  type DbOrTx,
  type RawQuery,
  type Schema,
} from "./client";
export { readBankTimeZone, readDbEnv, type DbEnv } from "./env";
export { DbUnavailableError } from "./errors";
export { migrateDb, MIGRATIONS_FOLDER } from "./migrate";
export { redactUrl } from "./redact-url";
export * as schema from "./schema";
export {
  copyRows,
  encodeCsvBlocks,
  openBulkSession,
  withBulkTransaction,
  type BulkSession,
  type CopyCsvArgs,
  type CopyRowsArgs,
  type CsvBlock,
} from "./bulk/bulk-session";
export { toCopyCsvLine } from "./bulk/csv-line";
export { decodeCopyField, readCopyRows } from "./bulk/copy-out";
export { sqlLiteral } from "./sql-literal";
export { appendAuditRow, countAuditRows, insertAuditRow, type AuditRow } from "./queries/insert-audit-row";
export { isProcessAlive } from "./pglite-lock";
export { hashPassword, verifyPassword } from "./password";
export { inScope, officerOf, scopeKeyOf, type CustomerScope } from "./queries/customer-scope";
export {
  findRunGroupingBasis,
  listOfficerProjectsOfRun,
  listProjectGroupHistory,
  listRunEarlyWarnings,
  listRunProjectGroups,
  type EarlyWarningRow,
  type ProjectGroupRow,
} from "./queries/project-groups";
export {
  findCurrentRunRow,
  listRunRows,
  resolveRun,
  type ResolvedRun,
  type RunListRow,
  type RunSelector,
} from "./queries/segment-runs";
export { escapeLike, type KeysetCursor } from "./queries/keyset";
export {
  CUSTOMER_SORT_FIELDS,
  countCustomers,
  countCustomersBy,
  customerKeyOf,
  customerSortKind,
  findCustomerInScope,
  isCountOnMaster,
  listCustomers,
  type CustomerFilter,
  type CustomerListRow,
  type CustomerRow,
  type CustomerSortField,
  type FacetValue,
  type ListCustomersArgs,
} from "./queries/customers";
export { listContributionsDescending, sumLoanBalancesBySegment, sumResultsBySegment } from "./queries/portfolio-sums";
export { readCustomerRecords } from "./queries/customer-records";
export { listRunClusters } from "./queries/clusters";
export { DATA_CHANGED_CHANNEL, listenForDataChanges, readDataVersion } from "./queries/data-version";
export {
  PENDING_UPLOAD_CHUNK_BYTES,
  deleteExpiredPendingUploads,
  deletePendingUpload,
  discardPendingUploadBytes,
  findPendingUpload,
  isPendingUploadLive,
  readPendingUploadBytes,
  readPendingUploadReport,
  savePendingUploadReport,
  writePendingUpload,
  PENDING_UPLOAD_TTL_MS,
  type PendingUpload,
  type WritePendingUploadResult,
} from "./queries/pending-uploads";
export { FILE_CHUNK_BYTES, type ChunkSink } from "./queries/chunked-bytes";
export {
  deleteExpiredExports,
  deleteExportFileBytes,
  exportFileSink,
  readExportFileBytes,
} from "./queries/export-files";
export {
  listAuditRows,
  listDeposits,
  listLoans,
  listOverrideRows,
  listProjects,
  sampleClusterLoans,
} from "./queries/accounts";
export { findActivePolicyRow, findPolicyRow, listPolicyRows, type PolicyRow } from "./queries/policies";
export {
  findImportBatch,
  listImportBatches,
  listImportRejects,
  type ImportBatchRow,
  type ImportRejectRow,
} from "./queries/import-batches";
export {
  AUTH_TABLES,
  endUserSessions,
  findActingUser,
  findUserForAdmin,
  listUsersForAdmin,
  updateUser,
  type ListUsersArgs,
  type UserAdminRow,
  type UserChange,
} from "./queries/users";
export {
  CREDENTIAL_PROVIDER,
  insertCredentialUser,
  isPasswordCorrect,
  setPassword,
  type NewUser,
} from "./queries/credentials";
export {
  LOCK_MINUTES,
  MAX_FAILED_SIGN_INS,
  canHoldSession,
  clearFailedSignIns,
  takeSignInAttempt,
  type SignInAttempt,
} from "./queries/sign-in-lockout";
export { resetDb } from "./reset";
