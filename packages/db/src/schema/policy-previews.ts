import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { jobStateColumns } from "./_columns";
import { users } from "./users";

/**
 * A policy version's impact preview on a period as a job: requested by the policy pages, computed by a worker
 * (PostgreSQL) or the web process (PGlite) — it prices the whole period twice — and read back by any instance. The
 * result is kept as JSON (fen as decimal strings) for the page that asked; previews older than a day are removed.
 */
export const policyPreviews = pgTable(
  "policy_previews",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...jobStateColumns(),
    requestedBy: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The role of the requester when asked: the engine checks it again when the preview executes. */
    requestedRole: text().notNull(),
    version: integer().notNull(),
    period: text().notNull(),
    /** The engine's PolicyImpact once computed (bigints as strings). */
    result: jsonb(),
  },
  (t) => [
    check("policy_previews_status", sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
    index().on(t.status),
    index().on(t.version, t.period),
    index().on(t.createdAt),
  ],
);
