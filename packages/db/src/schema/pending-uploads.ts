import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";
import { users } from "./users";

/** PostgreSQL `bytea`: postgres.js answers a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * An uploaded file waiting to be checked and committed, shared by every web instance (a file checked through one
 * can be committed through another). Its bytes are in `pending_upload_chunks`; `size` is set once the last chunk is
 * written, so a half-received upload is never offered. Kept after its commit (bytes dropped) for the rejected-rows
 * download, until `expires_at`, when the sweep removes it.
 */
export const pendingUploads = pgTable(
  "pending_uploads",
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The uploaded file's name, cleaned (no directories, no control characters). */
    name: text().notNull(),
    /** Bytes; null while the upload is still being received. */
    size: integer(),
    /** The import kind and period of the latest check, null before one. */
    kind: text(),
    period: text(),
    /** The latest check's ingest report (bigints as strings), for the rejected-rows download. */
    report: jsonb(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when the file was committed and its bytes removed. */
    discardedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.expiresAt)],
);

/** The bytes of a pending upload in order, in chunks of at most 1 MiB, so neither writing nor reading holds the file. */
export const pendingUploadChunks = pgTable(
  "pending_upload_chunks",
  {
    uploadId: uuid()
      .notNull()
      .references(() => pendingUploads.id, { onDelete: "cascade" }),
    /** 0, 1, 2, … in file order. */
    seq: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);
