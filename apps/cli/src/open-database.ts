import { fileURLToPath } from "node:url";
import { createDb, DbUnavailableError, type DbHandle } from "@creditseg/db";
import { CliError } from "./cli-error";

/** The repository root: the embedded database lives in `.data/pglite` under it, wherever the CLI is run from. */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Opens the database (DATABASE_URL, else the embedded PGlite) and turns connection failures into one clear line. */
export async function openDatabase(): Promise<DbHandle> {
  try {
    return await createDb({ cwd: REPO_ROOT });
  } catch (error) {
    if (error instanceof DbUnavailableError) throw new CliError(error.message, 1);
    throw error;
  }
}

/** Runs `work` with an open database and always closes it. */
export async function withDatabase<T>(work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase();
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
