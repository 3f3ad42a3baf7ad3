import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The authentication library's rate-limit counters (`rateLimit.storage: "database"`), shared by every web instance:
 * one row per client address and path, the requests counted in the current window and the last request's time.
 */
export const rateLimits = pgTable("rate_limits", {
  id: text().primaryKey(),
  key: text().notNull().unique(),
  count: integer().notNull(),
  /** Milliseconds since the epoch. */
  lastRequest: bigint({ mode: "number" }).notNull(),
});
