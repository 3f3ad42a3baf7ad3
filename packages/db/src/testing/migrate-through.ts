import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { createDb, type DbHandle } from "../client";
import { MIGRATIONS_FOLDER } from "../migrate";
import type { TestDbKind } from "./index";
import { openThrowawayTestDb } from "./throwaway-postgres";

type Journal = { entries: { tag: string }[] };

/**
 * Applies the committed migrations up to and including `tag` (e.g. "0006_jobs_data_version_rate_limits"), so a
 * test can write rows in an older schema and then check what the later migrations (`migrateDb`) make of them.
 */
export async function migrateDbThrough(handle: DbHandle, tag: string): Promise<void> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
  const last = journal.entries.findIndex((entry) => entry.tag === tag);
  if (last < 0) throw new Error(`no migration ${tag} in ${MIGRATIONS_FOLDER}`);
  const folder = mkdtempSync(join(tmpdir(), "creditseg-migrations-"));
  try {
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const kept = { ...journal, entries: journal.entries.slice(0, last + 1) };
    writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify(kept));
    const config = { migrationsFolder: folder };
    if (handle.kind === "pglite") await migratePglite(handle.db as never, config);
    else await migratePostgres(handle.db as never, config);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** An empty database with no migrations applied: in-memory PGlite, or a throwaway PostgreSQL database. */
export async function createUnmigratedTestDb(kind: TestDbKind): Promise<DbHandle> {
  if (kind === "pglite") return createDb({ pgliteDir: "memory://" });
  return openThrowawayTestDb();
}
