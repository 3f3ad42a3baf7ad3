import { integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt } from "./_columns";
import { segmentRuns } from "./segment-runs";

/**
 * A finished run's portfolio figures (the dashboard's totals, segments, NPL and concentration) for one scope — `all`,
 * or `o:<officer>` for an officer's book — as JSON with fen as decimal strings. A finished run's results never
 * change, so its figures are computed once for the whole deployment: the bank-wide ones when the run finishes, an
 * officer's on the first request, and every instance reads them from here.
 */
export const runSummaries = pgTable(
  "run_summaries",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    scopeKey: text().notNull(),
    summary: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.scopeKey] })],
);
