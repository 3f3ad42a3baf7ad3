import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { fen, ratePct } from "./_columns";
import { customers } from "./customers";
import { depositProductEnum } from "./enums";
import { importBatches } from "./imports";

/** Deposit account figures for one period. */
export const deposits = pgTable(
  "deposits",
  {
    period: text().notNull(),
    accountId: text().notNull(),
    customerId: text()
      .notNull()
      .references(() => customers.customerId),
    product: depositProductEnum().notNull(),
    avgDailyBalanceFen: fen().notNull(),
    ratePct: ratePct().notNull(),
    days: integer().notNull(),
    /** 0 for demand deposits. */
    termMonths: integer().notNull().default(0),
    importBatchId: uuid().references(() => importBatches.id),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.accountId] }),
    index().on(t.period, t.customerId),
    check("deposits_balance_nonneg", sql`${t.avgDailyBalanceFen} >= 0`),
    check("deposits_rate_range", sql`${t.ratePct} >= 0 and ${t.ratePct} <= 20`),
    check("deposits_days_range", sql`${t.days} >= 0 and ${t.days} <= 366`),
    check("deposits_term_nonneg", sql`${t.termMonths} >= 0`),
  ],
);

/** 中间业务收入: fee income lines. `lineKey` is the natural key the bank's file gives, or a content hash. */
export const feeIncome = pgTable(
  "fee_income",
  {
    period: text().notNull(),
    lineKey: text().notNull(),
    customerId: text()
      .notNull()
      .references(() => customers.customerId),
    type: text().notNull(),
    amountFen: fen().notNull(),
    date: date().notNull(),
    importBatchId: uuid().references(() => importBatches.id),
  },
  (t) => [primaryKey({ columns: [t.period, t.lineKey] }), index().on(t.period, t.customerId)],
);
