import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";
import { overrideStatusEnum } from "./enums";
import { segmentRuns } from "./segment-runs";
import { users } from "./users";

/**
 * A credit officer's review of a customer's tier or grade: a confirmation (proposed = computed)
 * or a proposed change with a reason code; decided by a risk manager other than the proposer.
 */
export const overrides = pgTable(
  "overrides",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    customerId: text().notNull(),
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id),
    /** "tier" or "grade". */
    field: text().notNull(),
    computedValue: text().notNull(),
    proposedValue: text().notNull(),
    reasonCode: text().notNull(),
    comment: text().notNull().default(""),
    status: overrideStatusEnum().notNull().default("proposed"),
    proposedBy: text()
      .notNull()
      .references(() => users.id),
    proposedAt: createdAt(),
    decidedBy: text().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionComment: text(),
    /** Last day the approved override applies (inclusive). */
    expiresOn: date(),
  },
  (t) => [
    index().on(t.customerId),
    index().on(t.status),
    check("overrides_field", sql`${t.field} in ('tier', 'grade')`),
    check("overrides_four_eyes", sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.proposedBy}`),
  ],
);
