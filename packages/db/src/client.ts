import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { readDbEnv } from "./env";
import { DbUnavailableError } from "./errors";
import { acquirePgliteLock } from "./pglite-lock";
import { redactUrl } from "./redact-url";
import { sqlLiteral } from "./sql-literal";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database or an open transaction: query functions that must join the caller's transaction take this. */
export type DbOrTx = Pick<Db, "insert" | "select" | "update" | "delete" | "execute">;

/** A single raw SQL statement runner for set-based work Drizzle's builder would make slow. */
export type RawQuery = <Row = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<Row[]>;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives, with no password: a directory, `memory://`, or a redacted URL. */
  location: string;
  raw: RawQuery;
  /** Set for PGlite: the embedded instance (COPY FROM a blob goes through it). */
  pglite?: PGlite;
  /** Set for PostgreSQL: a separate postgres.js client for raw and COPY work (Drizzle patches its own). */
  sql?: postgres.Sql;
  /** `COPY (select) TO STDOUT` in text format, as the bytes arrive (see readCopyRows). */
  copyOut: (select: string) => AsyncIterable<Uint8Array>;
  close: () => Promise<void>;
};

export type CreateDbOptions = {
  /** PostgreSQL URL; defaults to DATABASE_URL. */
  url?: string;
  /** PGlite directory or `memory://`; defaults to PGLITE_DIR or `.data/pglite` under `cwd`. */
  pgliteDir?: string;
  /** Directory `.data/pglite` is resolved against (the repository root). */
  cwd?: string;
  /** Connection pool size for PostgreSQL; defaults to DB_POOL_SIZE (10). */
  maxConnections?: number;
  /** The raw / bulk pool's size for PostgreSQL; defaults to DB_BULK_POOL_SIZE (2). */
  maxBulkConnections?: number;
  /** For an in-memory PGlite: start from this data directory (a `dumpDataDir` tarball) instead of an empty one. */
  pgliteTemplate?: Blob;
};

const DRIZZLE_OPTIONS = { schema, casing: "snake_case" } as const;

/**
 * Opens the database: PostgreSQL through the `postgres` driver when a URL is given or DATABASE_URL
 * is set, otherwise the embedded PGlite. Fails with a DbUnavailableError naming the problem.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const env = readDbEnv();
  const url = options.url ?? env.DATABASE_URL;
  // Sessions run in the bank's zone, so timestamps read as text and any date the database derives agree with
  // core's bankDate; the engine still passes the business date explicitly rather than trusting `current_date`.
  const timeZone = env.BANK_TIME_ZONE;
  if (url)
    return openPostgres(url, {
      max: options.maxConnections ?? env.DB_POOL_SIZE,
      maxBulk: options.maxBulkConnections ?? env.DB_BULK_POOL_SIZE,
      timeZone,
    });
  const dir = options.pgliteDir ?? env.PGLITE_DIR ?? resolve(options.cwd ?? process.cwd(), ".data/pglite");
  return openPglite(dir, timeZone, options.pgliteTemplate);
}

async function openPostgres(url: string, pools: { max: number; maxBulk: number; timeZone: string }): Promise<DbHandle> {
  const { timeZone } = pools;
  const location = redactUrl(url);
  const clientOptions = {
    max: pools.max,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { TimeZone: timeZone },
  } as const;
  const client = postgres(url, clientOptions);
  const rawClient = postgres(url, { ...clientOptions, max: pools.maxBulk });
  try {
    await client`select 1`;
  } catch (error) {
    await Promise.allSettled([client.end({ timeout: 1 }), rawClient.end({ timeout: 1 })]);
    throw new DbUnavailableError(`cannot reach PostgreSQL at ${location}: ${describeError(error)}`, { cause: error });
  }
  const db = drizzlePostgres({ client, ...DRIZZLE_OPTIONS }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    location,
    sql: rawClient,
    raw: async (text, params = []) => await rawClient.unsafe<never>(text, params as never[]),
    copyOut: (select) => copyOutOfPostgres(url, clientOptions, select),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), rawClient.end({ timeout: 5 })]);
    },
  };
}

/**
 * COPY TO STDOUT on a connection of its own, ended after: postgres.js leaves a connection unusable once a COPY TO
 * stream has been read (porsager/postgres#499), so it must not be one the pools hand out again.
 */
async function* copyOutOfPostgres(
  url: string,
  options: postgres.Options<Record<string, never>>,
  select: string,
): AsyncGenerator<Uint8Array> {
  const client = postgres(url, { ...options, max: 1 });
  try {
    const stream = await client.unsafe(`copy (${select}) to stdout`).readable();
    for await (const chunk of stream) yield chunk as Uint8Array;
  } finally {
    await client.end({ timeout: 1 });
  }
}

async function openPglite(dir: string, timeZone: string, template: Blob | undefined): Promise<DbHandle> {
  const isMemory = dir.startsWith("memory://");
  if (template && !isMemory) throw new Error("a PGlite template can only seed an in-memory database");
  let release = () => {};
  if (!isMemory) {
    ensureWritableDirectory(dir);
    release = acquirePgliteLock(dir);
  }
  // Loaded only when used: the embedded database's code and WebAssembly (about 36 MB resident) stay out of a
  // process that talks to PostgreSQL, such as a worker.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(isMemory ? { loadDataDir: template } : { dataDir: dir });
  } catch (error) {
    release();
    throw new DbUnavailableError(`cannot open the embedded database at ${dir}: ${describeError(error)}`, {
      cause: error,
    });
  }
  // The zone was validated by readDbEnv (an IANA name), and PGlite has a single session.
  await pglite.query(`set time zone ${sqlLiteral(timeZone)}`);
  const db = drizzlePglite({ client: pglite, ...DRIZZLE_OPTIONS }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location: dir,
    pglite,
    raw: async (text, params = []) => (await pglite.query(text, params)).rows as never,
    // PGlite's COPY TO writes one blob: the whole result at once (PGlite is the embedded, demo-sized database).
    copyOut: async function* (select) {
      const result = await pglite.query(`copy (${select}) to '/dev/blob'`);
      if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
    },
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const parent = dirname(dir);
    throw new DbUnavailableError(
      `the embedded database directory ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? describeError(error)}); choose another with PGLITE_DIR or fix the permissions of ${parent}`,
      { cause: error },
    );
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code} ${error.message}` : error.message;
  }
  return String(error);
}
