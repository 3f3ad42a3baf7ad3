import { pgSequence } from "drizzle-orm/pg-core";

/**
 * The data version: a sequence that triggers advance (`nextval`) with every statement that changes what cached reads
 * depend on (customers, import batches, overrides, a run's status or current flag), whichever process runs it; the
 * same triggers `pg_notify` the `creditseg_data_changed` channel, delivered when the writer commits (see the
 * migration that created this sequence). A sequence never blocks and is not transactional, so writers do not queue
 * on it; a reader that reads the advanced value before the writer commits may cache what it saw then, and the
 * notification, delivered after the commit, retires that entry (`apps/web/src/server/cache/data-version.ts`).
 */
export const dataVersionSeq = pgSequence("data_version_seq", { startWith: 1, increment: 1 });
