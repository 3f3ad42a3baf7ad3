import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";
import { policyStatusEnum } from "./enums";
import { users } from "./users";

/**
 * Policy versions. A version is never deleted or edited once submitted: a change is a new draft.
 * Four eyes: the approver must differ from the submitter (checked here and in the workflow).
 */
export const policies = pgTable(
  "policies",
  {
    version: integer().primaryKey(),
    name: text().notNull(),
    status: policyStatusEnum().notNull().default("draft"),
    /** The policy document validated by core's policySchema. */
    document: jsonb().notNull(),
    basedOnVersion: integer(),
    effectiveFrom: date(),
    changeNote: text(),
    createdBy: text().references(() => users.id),
    createdAt: createdAt(),
    submittedBy: text().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    decidedBy: text().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionComment: text(),
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.status),
    uniqueIndex("policies_one_active_uq")
      .on(t.status)
      .where(sql`status = 'active'`),
    check(
      "policies_four_eyes",
      sql`${t.decidedBy} is null or ${t.submittedBy} is null or ${t.decidedBy} <> ${t.submittedBy}`,
    ),
  ],
);
