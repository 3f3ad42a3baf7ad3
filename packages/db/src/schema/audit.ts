import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { roleEnum } from "./enums";

/** Append-only audit trail. `detail` holds ids and changed fields, never customer names or balances. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** null for anonymous events such as a failed sign-in with an unknown email. */
    actorId: text(),
    actorRole: roleEnum(),
    action: text().notNull(),
    entityType: text(),
    entityId: text(),
    detail: jsonb(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.at), index().on(t.action), index().on(t.actorId)],
);
