import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { fen } from "./_columns";
import { customers } from "./customers";
import { importBatches } from "./imports";

/** Project-finance projects as of the end of a period, with their default signals. */
export const projects = pgTable(
  "projects",
  {
    period: text().notNull(),
    projectId: text().notNull(),
    /** Sponsor. */
    customerId: text()
      .notNull()
      .references(() => customers.customerId),
    name: text().notNull(),
    industry: text().notNull(),
    region: text().notNull(),
    totalInvestmentFen: fen().notNull(),
    loanAmountFen: fen().notNull(),
    riskLevel: text().notNull(),
    status: text().notNull(),
    overdueDays: integer().notNull().default(0),
    isDowngraded: boolean().notNull().default(false),
    importBatchId: uuid().references(() => importBatches.id),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.projectId] }),
    index().on(t.period, t.customerId),
    check("projects_amounts_nonneg", sql`${t.totalInvestmentFen} >= 0 and ${t.loanAmountFen} >= 0`),
    check("projects_overdue_nonneg", sql`${t.overdueDays} >= 0`),
  ],
);
