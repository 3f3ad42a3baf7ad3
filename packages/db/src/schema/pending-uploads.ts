import {
  bigint,
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
import { createdAt } from "./_columns";
import { users } from "./users";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * An uploaded file waiting between the upload request and the inspect / validate / commit calls that name it, in the
 * database so that any web instance can serve the next call. Its bytes are in `pendingUploadChunks`; the row (and the
 * latest check's report) stays after the file is committed, for the rejected-rows download, until it expires.
 */
export const pendingUploads = pgTable(
  "pending_uploads",
  {
    fileId: uuid().primaryKey(),
    ownerId: text()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    /** Bytes, counted as they arrived. */
    size: bigint({ mode: "number" }).notNull(),
    /** The latest check's report (JSON, bigints as strings), for the rejected-rows download. */
    report: jsonb(),
    /** Set when the file's bytes were removed (committed); the record and its report stay. */
    discardedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.createdAt)],
);

/** A pending upload's bytes in order, at most one chunk of the receiving stream per row (≈ 1 MiB). */
export const pendingUploadChunks = pgTable(
  "pending_upload_chunks",
  {
    fileId: uuid()
      .notNull()
      .references(() => pendingUploads.fileId, { onDelete: "cascade" }),
    seq: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
