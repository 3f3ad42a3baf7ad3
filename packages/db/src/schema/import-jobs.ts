import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { jobStateColumns } from "./_columns";
import { importKindEnum } from "./enums";
import { importBatches } from "./imports";
import { pendingUploads } from "./pending-uploads";
import { users } from "./users";

/**
 * The commit of an uploaded file as a job: queued by the web's upload commit, executed by a worker (PostgreSQL) or the
 * web process (PGlite), which claims it by moving it from queued to running under its name. The row holds the
 * progress every instance polls, and the outcome: the ingest report, or the reason it failed.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...jobStateColumns(),
    /** The upload whose bytes are committed; null once the upload expired and was swept. */
    uploadId: uuid().references(() => pendingUploads.id, { onDelete: "set null" }),
    requestedBy: text()
      .notNull()
      .references(() => users.id),
    kind: importKindEnum().notNull(),
    period: text(),
    /** The ingest options of the commit (JSON: an expected total in fen as a string). */
    options: jsonb().notNull(),
    /** The ingest phase reached (validating, staging, merging, committed) and its counters. */
    phase: text(),
    rowsProcessed: integer().notNull().default(0),
    bytesRead: bigint({ mode: "number" }).notNull().default(0),
    totalBytes: bigint({ mode: "number" }),
    /** The ingest report once done (bigints as strings). */
    report: jsonb(),
    batchId: uuid().references(() => importBatches.id),
  },
  (t) => [
    check("import_jobs_status", sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
    index().on(t.status),
  ],
);
