import { listenForDataChanges, readDataVersion, type Db, type DbHandle } from "@creditseg/db";

/**
 * What a cached read of master data is keyed on: the database's data version (a sequence the writers' triggers
 * advance) and how many commit notices this process has received. The version advances before the writer commits,
 * so it makes the writer's own next read (and every other instance's) miss at once; a read that saw the advanced
 * version but a snapshot from before the commit caches stale figures under it, and the commit notice, delivered
 * after the commit, retires them. Without a listener there is no notice, so nothing is cached.
 */
type Watch = { notices: number; isListening: boolean };

const watches = new WeakMap<Db, Watch>();
/** Concurrent requests of one database share one read of the version (50 users opening the customer list at once). */
const inFlight = new WeakMap<Db, Promise<number>>();

/**
 * Starts counting the database's commit notices for this process's caches (the app server does this once per
 * database); the returned function stops it.
 */
export async function watchDataChanges(handle: DbHandle): Promise<() => Promise<void>> {
  const watch: Watch = { notices: 0, isListening: false };
  watches.set(handle.db, watch);
  const unlisten = await listenForDataChanges(handle, () => {
    watch.notices++;
  });
  watch.isListening = true;
  return async () => {
    watch.isListening = false;
    watches.delete(handle.db);
    await unlisten();
  };
}

/** The cache key part for master data read now, or null when this database is not watched (do not cache). */
export async function currentDataVersion(db: Db): Promise<string | null> {
  const watch = watches.get(db);
  if (!watch?.isListening) return null;
  // The notices are counted before the version is read: a notice that arrives meanwhile only costs a cache miss.
  const notices = watch.notices;
  let read = inFlight.get(db);
  if (!read) {
    read = readDataVersion(db).finally(() => inFlight.delete(db));
    inFlight.set(db, read);
  }
  return `${notices}:${await read}`;
}
