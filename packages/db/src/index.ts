export { createDb, type CreateDbOptions, type Db, type DbHandle, type RawQuery, type Schema } from "./client";
export { readDbEnv, type DbEnv } from "./env";
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
export { insertAuditRow, type AuditRow } from "./queries/insert-audit-row";
export { isProcessAlive } from "./pglite-lock";
export { hashPassword, verifyPassword } from "./password";
