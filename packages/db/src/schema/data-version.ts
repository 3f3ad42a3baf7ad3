import { sql } from "drizzle-orm";
import { bigint, check, pgTable, smallint, timestamp } from "drizzle-orm/pg-core";

/**
 * One row whose `version` grows with every committed change that cached reads depend on (customers, import batches,
 * a run's status or current flag). Triggers on those tables bump it (see the migration), so every writer — the web
 * app, the CLI, a worker on another machine — invalidates every web instance's caches, in the same transaction as
 * its change: a reader that sees the new version also sees the data it stands for.
 */
export const dataVersion = pgTable(
  "data_version",
  {
    id: smallint().primaryKey().default(1),
    version: bigint({ mode: "number" }).notNull().default(0),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("data_version_single_row", sql`${t.id} = 1`)],
);
