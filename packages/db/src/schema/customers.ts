import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, fen, ratio, updatedAt } from "./_columns";
import { enterpriseSizeEnum } from "./enums";
import { importBatches } from "./imports";

/** Customer master data (CRM). `officer` is the staff code of the assigned credit officer (客户经理). */
export const customers = pgTable(
  "customers",
  {
    customerId: text().primaryKey(),
    name: text().notNull(),
    industry: text().notNull(),
    region: text().notNull(),
    size: enterpriseSizeEnum().notNull(),
    creditRating: text(),
    officer: text().notNull(),
    /** 资产负债率, percent. */
    debtRatioPct: ratio(),
    /** 流动比率. */
    currentRatio: ratio(),
    roaPct: ratio(),
    /** 营业收入, fen. */
    revenueFen: fen(),
    defaultCount: integer().notNull().default(0),
    importBatchId: uuid().references(() => importBatches.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.officer),
    index().on(t.industry),
    index().on(t.region),
    check("customers_default_count_nonneg", sql`${t.defaultCount} >= 0`),
  ],
);
