import { withBulkTransaction, type DbHandle, type RawQuery } from "@creditseg/db";

/** Runs `work` in one transaction on the handle's raw connection: the change and its audit row commit together. */
export function inTransaction<T>(handle: DbHandle, work: (raw: RawQuery) => Promise<T>): Promise<T> {
  return withBulkTransaction(handle, (session) => work(session.raw));
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
