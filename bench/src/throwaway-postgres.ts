import { randomBytes } from "node:crypto";
import { createDb, migrateDb, type DbHandle } from "@creditseg/db";
import postgres from "postgres";

/** A fresh, migrated PostgreSQL database on `serverUrl`'s server, dropped when `work` ends. */
export async function withThrowawayPostgres<T>(serverUrl: string, work: (handle: DbHandle, url: string) => Promise<T>): Promise<T> {
  const name = `creditseg_bench_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), maxConnections: 4 });
  try {
    await migrateDb(handle);
    return await work(handle, url.toString());
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
