import type { DbHandle } from "./client";
import { migrateDb } from "./migrate";

/** Drops every table (the application's and drizzle's migration journal) and migrates again: all data is lost. */
export async function resetDb(handle: DbHandle): Promise<void> {
  await handle.raw("drop schema if exists drizzle cascade");
  await handle.raw("drop schema public cascade");
  await handle.raw("create schema public");
  await migrateDb(handle);
}
