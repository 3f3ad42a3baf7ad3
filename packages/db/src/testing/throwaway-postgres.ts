import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { createDb, type DbHandle } from "../client";
import { readDbEnv } from "../env";

export type ThrowawayPostgres = { url: string; drop: () => Promise<void> };

/**
 * Creates a database with a random name on `serverUrl`'s server (the user needs CREATEDB): empty, or a
 * copy of the `template` database; `drop` removes it, ending any connection still open to it.
 */
export async function createThrowawayPostgres(
  serverUrl: string,
  prefix = "creditseg_tmp",
  template?: string,
): Promise<ThrowawayPostgres> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Runs `work` with the URL of a throwaway PostgreSQL database, dropped afterwards whatever happens. */
export async function withThrowawayPostgres<T>(
  serverUrl: string,
  work: (url: string) => Promise<T>,
  prefix?: string,
): Promise<T> {
  const database = await createThrowawayPostgres(serverUrl, prefix);
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}

export type LocatedDb = { location: string; open: () => Promise<DbHandle>; dispose: () => Promise<void> };

/**
 * An empty database that another process can open by location, for tests that kill a child process:
 * a PGlite directory in a temp folder, or a throwaway database on TEST_DATABASE_URL's server.
 */
export async function createLocatedDb(kind: "pglite" | "postgres"): Promise<LocatedDb> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "creditseg-located-"));
    const location = join(dir, "pglite");
    return {
      location,
      open: () => createDb({ pgliteDir: location }),
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const serverUrl = readDbEnv().TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: cannot create a PostgreSQL test database");
  const database = await createThrowawayPostgres(serverUrl, "creditseg_located");
  return {
    location: database.url,
    open: () => createDb({ url: database.url, maxConnections: 2 }),
    dispose: database.drop,
  };
}

/**
 * A handle on a throwaway PostgreSQL database on TEST_DATABASE_URL's server, a copy of the template database
 * `templateOf` names on that server when given (else empty), dropped when the handle closes.
 */
export async function openThrowawayTestDb(templateOf?: (serverUrl: string) => Promise<string>): Promise<DbHandle> {
  const serverUrl = readDbEnv().TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: cannot create a PostgreSQL test database");
  const template = templateOf ? await templateOf(serverUrl) : undefined;
  const database = await createThrowawayPostgres(serverUrl, "creditseg_test", template);
  const handle = await createDb({ url: database.url, maxConnections: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}
