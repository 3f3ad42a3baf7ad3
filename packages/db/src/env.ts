import { DEFAULT_BANK_TIME_ZONE, isKnownTimeZone } from "@creditseg/core/calendar";
import { z } from "zod";

const envSchema = z.object({
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  DATABASE_URL: z.url().optional(),
  /** PGlite data directory (default `.data/pglite` under the repository root), or `memory://`. */
  PGLITE_DIR: z.string().min(1).optional(),
  /** Connections of the PostgreSQL pool behind the query builder, per process (default 10). */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** Connections of the second pool for raw SQL, COPY and transactions of bulk work, per process (default 2). */
  DB_BULK_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(2),
  /** A PostgreSQL server the integration tests may create throwaway databases on. */
  TEST_DATABASE_URL: z.url().optional(),
  /** IANA zone of the bank's business date (default Asia/Shanghai): "today" for approvals, override expiry, runs. */
  BANK_TIME_ZONE: z
    .string()
    .refine(isKnownTimeZone, { error: "not an IANA time zone such as Asia/Shanghai" })
    .default(DEFAULT_BANK_TIME_ZONE),
});

export type DbEnv = z.infer<typeof envSchema>;

/** Reads and validates the database environment; a bad value names the variable. */
export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = envSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    PGLITE_DIR: source.PGLITE_DIR || undefined,
    DB_POOL_SIZE: source.DB_POOL_SIZE || undefined,
    DB_BULK_POOL_SIZE: source.DB_BULK_POOL_SIZE || undefined,
    TEST_DATABASE_URL: source.TEST_DATABASE_URL || undefined,
    BANK_TIME_ZONE: source.BANK_TIME_ZONE || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The configured bank time zone (BANK_TIME_ZONE, default Asia/Shanghai); connections and business dates use it. */
export function readBankTimeZone(source: Record<string, string | undefined> = process.env): string {
  return readDbEnv(source).BANK_TIME_ZONE;
}
