import { withBulkTransaction, type DbHandle, type RawQuery } from "@creditseg/db";

/** Runs `work` in one transaction on the handle's raw connection: the change and its audit row commit together. */
export function inTransaction<T>(handle: DbHandle, work: (raw: RawQuery) => Promise<T>): Promise<T> {
  return withBulkTransaction(handle, (session) => work(session.raw));
}
