import "server-only";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createDb, type DbHandle } from "@creditseg/db";

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
 * PostgreSQL pool is shared). Migrations are not run here: the start script applies them first.
 */
export function getDb(): Promise<DbHandle> {
  globalForDb.creditsegDb ??= createDb({ cwd: findRepoRoot() }).catch((error: unknown) => {
    globalForDb.creditsegDb = undefined;
    throw error;
  });
  return globalForDb.creditsegDb;
}
