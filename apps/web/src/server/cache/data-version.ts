import { readDataVersion, type Db } from "@creditseg/db";

/**
 * Concurrent requests of one database share one read of the data version (50 users opening the customer list at once
 * read the row once). A read started before a commit may answer the version before it: that request sees the data
 * as it was when it began, as it would without a cache.
 */
const inFlight = new WeakMap<Db, Promise<number>>();

/** The database's current data version, read for this request. Cache keys of master data include it. */
export function currentDataVersion(db: Db): Promise<number> {
  const pending = inFlight.get(db);
  if (pending) return pending;
  const read = readDataVersion(db).finally(() => inFlight.delete(db));
  inFlight.set(db, read);
  return read;
}
