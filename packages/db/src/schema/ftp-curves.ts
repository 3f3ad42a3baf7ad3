import { date, index, integer, pgTable, unique, uuid } from "drizzle-orm/pg-core";
import { ratePct } from "./_columns";
import { ftpSideEnum } from "./enums";
import { importBatches } from "./imports";

/** Uploaded FTP (内部资金转移价格) curve points, effective-dated; a policy draft can adopt the latest curve. */
export const ftpCurves = pgTable(
  "ftp_curves",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    side: ftpSideEnum().notNull(),
    /** Inclusive upper bound of the term bucket in months; null = no upper bound. */
    maxTermMonths: integer(),
    ratePct: ratePct().notNull(),
    effectiveFrom: date().notNull(),
    importBatchId: uuid().references(() => importBatches.id),
  },
  (t) => [
    index().on(t.side, t.effectiveFrom),
    unique("ftp_curves_point_uq").on(t.side, t.maxTermMonths, t.effectiveFrom).nullsNotDistinct(),
  ],
);
