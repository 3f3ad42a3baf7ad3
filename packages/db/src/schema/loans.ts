import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { fen, ratePct } from "./_columns";
import { customers } from "./customers";
import { classificationEnum, guaranteeEnum } from "./enums";
import { importBatches } from "./imports";

/** Loan (借据) figures for one period: the same loan_id appears once per period. */
export const loans = pgTable(
  "loans",
  {
    period: text().notNull(),
    loanId: text().notNull(),
    customerId: text()
      .notNull()
      .references(() => customers.customerId),
    product: text().notNull(),
    amountFen: fen().notNull(),
    /** 执行利率, annual percent. */
    ratePct: ratePct().notNull(),
    termMonths: integer().notNull(),
    startDate: date().notNull(),
    maturityDate: date().notNull(),
    guarantee: guaranteeEnum().notNull(),
    classification: classificationEnum().notNull(),
    /** 考核贷款年日均, fen. */
    avgDailyBalanceFen: fen().notNull(),
    days: integer().notNull(),
    importBatchId: uuid().references(() => importBatches.id),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.loanId] }),
    index().on(t.period, t.customerId),
    check("loans_amount_nonneg", sql`${t.amountFen} >= 0`),
    check("loans_balance_nonneg", sql`${t.avgDailyBalanceFen} >= 0`),
    check("loans_rate_range", sql`${t.ratePct} >= 0 and ${t.ratePct} <= 36`),
    check("loans_term_range", sql`${t.termMonths} > 0 and ${t.termMonths} <= 600`),
    check("loans_days_range", sql`${t.days} >= 0 and ${t.days} <= 366`),
    check("loans_dates_order", sql`${t.maturityDate} >= ${t.startDate}`),
  ],
);
