import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { jobStateColumns } from "./_columns";
import { users } from "./users";

/** PostgreSQL `bytea`: postgres.js answers a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * An export of the customer list (CSV or XLSX) as a job: queued by the web, written by a worker (PostgreSQL) or the
 * web process (PGlite) page by page into `export_job_chunks`, and downloaded through any instance by the user who
 * asked, until `expires_at`. The selection is stored as asked, with the caller's scope, and resolved when it executes.
 */
export const exportJobs = pgTable(
  "export_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...jobStateColumns(),
    requestedBy: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** csv or xlsx. */
    format: text().notNull(),
    /** The list's selection (run, filters, sort), the caller's role and officer scope (JSON). */
    selection: jsonb().notNull(),
    /** Rows written so far, and the rows the selection holds (counted before the first is written). */
    rowsWritten: integer().notNull().default(0),
    totalRows: integer(),
    /** The download's file name and size in bytes, once written. */
    fileName: text(),
    size: bigint({ mode: "number" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("export_jobs_status", sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
    check("export_jobs_format", sql`${t.format} in ('csv', 'xlsx')`),
    index().on(t.status),
    index().on(t.expiresAt),
  ],
);

/** The bytes of an export in order, in chunks of at most 1 MiB, so neither the writer nor a download holds the file. */
export const exportJobChunks = pgTable(
  "export_job_chunks",
  {
    jobId: uuid()
      .notNull()
      .references(() => exportJobs.id, { onDelete: "cascade" }),
    /** 0, 1, 2, … in file order. */
    seq: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
