import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, fen } from "./_columns";
import { importKindEnum, importStatusEnum } from "./enums";
import { users } from "./users";

/** One uploaded file: who, when, what, its checksum and control totals. Never deleted; rollback changes its status. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: importKindEnum().notNull(),
    period: text().notNull(),
    fileName: text().notNull(),
    /** SHA-256 of the file bytes, hex. */
    checksum: text().notNull(),
    /**
     * SHA-256 (hex) of what decides the rows that land: the checksum with kind, period, sheet, encoding, the header
     * binding and the write mode. The same key committed twice is "already loaded"; another sheet, a corrected
     * encoding or another mapping of the same file is a new load. Null on batches written before it existed.
     */
    loadKey: text(),
    encoding: text(),
    uploadedBy: text().references(() => users.id),
    status: importStatusEnum().notNull(),
    /** true: valid rows committed and rejected rows set aside; false: any reject blocks the file. */
    isAcceptValid: boolean().notNull().default(false),
    /** "replace": rows of this kind and period not in the file are removed; "amend": upsert by natural key only. */
    writeMode: text().notNull().default("amend"),
    rowsRead: integer().notNull().default(0),
    rowsAccepted: integer().notNull().default(0),
    rowsRejected: integer().notNull().default(0),
    totalReadFen: fen()
      .notNull()
      .default(sql`0`),
    totalAcceptedFen: fen()
      .notNull()
      .default(sql`0`),
    totalRejectedFen: fen()
      .notNull()
      .default(sql`0`),
    expectedTotalFen: fen(),
    /** Rows inserted / updated / deleted when committed, for the change record. */
    changes: jsonb().$type<{ inserted: number; updated: number; deleted: number }>(),
    createdAt: createdAt(),
    committedAt: timestamp({ withTimezone: true }),
    rolledBackAt: timestamp({ withTimezone: true }),
    rolledBackBy: text().references(() => users.id),
  },
  (t) => [
    index().on(t.kind, t.period),
    index().on(t.checksum),
    uniqueIndex("import_batches_committed_load_key_uq")
      .on(t.kind, t.period, t.loadKey)
      .where(sql`status = 'committed'`),
  ],
);

/** Row-level rejects of a batch: the reason's code and its parameters (figures, rows, names as data); words are rendered. */
export const importRejects = pgTable(
  "import_rejects",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    batchId: uuid()
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    /** 1-based line/row number in the source file, header = 1. */
    rowNumber: integer().notNull(),
    column: text(),
    value: text(),
    reasonCode: text().notNull(),
    /** The reason's parameters (ingest's ReasonParams), e.g. { "decimals": 4 } or { "firstRow": 12 }. */
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.batchId, t.rowNumber)],
);

/**
 * The state of a row before a committed batch changed it, so the batch can be rolled back.
 * `before` is null when the batch inserted the row.
 */
export const importRowHistory = pgTable(
  "import_row_history",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    batchId: uuid()
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    naturalKey: text().notNull(),
    before: jsonb(),
  },
  (t) => [index().on(t.batchId)],
);

/** A saved header mapping for a recurring file layout: source header → canonical column. */
export const columnMappings = pgTable("column_mappings", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  kind: importKindEnum().notNull(),
  mapping: jsonb().$type<Record<string, string>>().notNull(),
  createdBy: text().references(() => users.id),
  createdAt: createdAt(),
});
