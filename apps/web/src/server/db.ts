import "server-only";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createDb, type DbHandle } from "@creditseg/db";
import { watchDataChanges } from "./cache/data-version";
import { describeErrorForLog } from "./http/log-error";

/** The monorepo root (where turbo.json lives): `.data/pglite` is resolved against it, whichever directory Next runs from. */
export function findRepoRoot(start: string = process.cwd()): string {
  let dir = start;
  while (!existsSync(join(dir, "turbo.json"))) {
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

const globalForDb = globalThis as unknown as { creditsegDb?: Promise<DbHandle> };

/**
 * The process-wide database handle, opened once (PGlite allows one process per directory; the
 * PostgreSQL pool is shared), listening for other processes' commits for the caches. Migrations are not run here:
 * the start script applies them first.
 */
export function getDb(): Promise<DbHandle> {
  globalForDb.creditsegDb ??= createDb({ cwd: findRepoRoot() })
    .then(async (handle) => {
      // Without the commit notices the caches of master data stay off (correct, only slower): start anyway.
      await watchDataChanges(handle).catch((error: unknown) =>
        console.error(`[db] not listening for data changes, caches off: ${describeErrorForLog(error)}`),
      );
      return handle;
    })
    .catch((error: unknown) => {
      globalForDb.creditsegDb = undefined;
      throw error;
    });
  return globalForDb.creditsegDb;
}
