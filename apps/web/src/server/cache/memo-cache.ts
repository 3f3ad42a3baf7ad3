import type { Db } from "@creditseg/db";

type Entry<T> = { value: Promise<T>; expiresAt: number };

/**
 * A per-database, bounded memo of async reads. Concurrent callers of the same key share one computation (50 users
 * opening the dashboard at once run the query once, not 50 times); a failed computation is forgotten so the next
 * call retries. Entries live `ttlMs` (Infinity for figures of a finished run, which never change); the oldest
 * entry goes first when the memo is full.
 */
export function createMemo<T>(options: { limit: number }) {
  let byDb = new WeakMap<Db, Map<string, Entry<T>>>();
  function memo(db: Db, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
    let entries = byDb.get(db);
    if (!entries) {
      entries = new Map();
      byDb.set(db, entries);
    }
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    if (hit) entries.delete(key);
    if (entries.size >= options.limit) entries.delete(entries.keys().next().value as string);
    const value = compute();
    const map = entries;
    map.set(key, { value, expiresAt: now + ttlMs });
    value.catch(() => {
      if (map.get(key)?.value === value) map.delete(key);
    });
    return value;
  }
  /** Forgets every entry (data the memo's reads depend on changed in this process). */
  memo.clear = () => {
    byDb = new WeakMap();
  };
  return memo;
}
