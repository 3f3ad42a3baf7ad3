import { bigint, jsonb, numeric, text, timestamp } from "drizzle-orm/pg-core";

/** Money: integer fen (0.01 CNY) in a bigint; JS side sees a bigint, never a float. */
export const fen = (name?: string) => (name ? bigint(name, { mode: "bigint" }) : bigint({ mode: "bigint" }));

/** Annual rate in percent (4.35 = 4.35%), exact: up to 6 decimal places covers LPR-linked pricing such as 4.785%. */
export const ratePct = () => numeric({ precision: 9, scale: 6 });

/** A plain ratio or percent figure from the customer's financial statements, exact to 4 decimals. */
export const ratio = () => numeric({ precision: 14, scale: 4 });

/** Why a job or run failed: a code with parameters, rendered in the reader's language (never stored words). */
export const failure = () => jsonb().$type<{ code: string; params: Record<string, string | number> }>();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * The state of a job whose row is its state (an import's commit, an export, a preview): queued → running under a
 * worker (`<pid>@<host>`, beating `heartbeat_at`) → succeeded or failed with its reason (`failure`, a code with
 * parameters for users; `error`, the exception's text for operators only), and when each happened.
 */
export const jobStateColumns = () => ({
  status: text().notNull().default("queued"),
  worker: text(),
  heartbeatAt: timestamp({ withTimezone: true }),
  error: text(),
  failure: failure(),
  createdAt: createdAt(),
  startedAt: timestamp({ withTimezone: true }),
  finishedAt: timestamp({ withTimezone: true }),
});
