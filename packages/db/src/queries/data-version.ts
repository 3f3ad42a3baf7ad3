import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "../client";

/** The channel the data-change triggers notify; PostgreSQL delivers it when the writer's transaction commits. */
export const DATA_CHANGED_CHANNEL = "creditseg_data_changed";

/**
 * The data version: how far the data-change sequence has advanced (triggers call `nextval` on every statement that
 * changes customers, import batches, overrides or a run's status, whichever process ran it). One read of a sequence,
 * which never waits for a writer: cheap enough for every cached request. It advances before the writer commits, so
 * it alone cannot say the change is visible yet: caches pair it with the commit notices of `listenForDataChanges`.
 */
export async function readDataVersion(db: Db): Promise<number> {
  // Before its first `nextval` a sequence reads `last_value` = its start (1) with `is_called` false: that is 0 changes.
  const [row] = await db
    .select({ version: sql<string>`case when is_called then last_value else 0 end` })
    .from(sql`data_version_seq`);
  return Number(row?.version ?? 0);
}

/**
 * Calls `onChange` after every committed change of cached data by any process (the triggers' `pg_notify`), and
 * whenever the listening connection is (re)established, since notices sent while it was down are lost. Resolves
 * once listening; the returned function stops it. On PostgreSQL the listener holds one connection of its own.
 */
export async function listenForDataChanges(handle: DbHandle, onChange: () => void): Promise<() => Promise<void>> {
  if (handle.sql) {
    const listening = await handle.sql.listen(
      DATA_CHANGED_CHANNEL,
      () => onChange(),
      () => onChange(),
    );
    return () => listening.unlisten();
  }
  if (handle.pglite) {
    const unlisten = await handle.pglite.listen(DATA_CHANGED_CHANNEL, () => onChange());
    onChange();
    return unlisten;
  }
  throw new Error("this database handle cannot listen for data changes");
}
