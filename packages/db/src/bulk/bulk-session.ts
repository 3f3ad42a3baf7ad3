import { once } from "node:events";
import type { DbHandle, RawQuery } from "../client";
import { toCopyCsvLine } from "./csv-line";

export type CopyRowsArgs = {
  /** Target table (may be a temp table); a trusted identifier, never user input. */
  table: string;
  /** Column names in snake_case, in the order of each row's values. */
  columns: readonly string[];
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;
  /** Rows per COPY statement on PGlite (its COPY reads a whole blob) and per progress call; default 50,000. */
  chunkSize?: number;
  /** Called after each chunk with the rows copied so far. */
  onProgress?: (rowsCopied: number) => void;
};

/** Raw SQL and COPY on one connection: inside a transaction when opened by withBulkTransaction. */
export type BulkSession = {
  kind: DbHandle["kind"];
  raw: RawQuery;
  /** Bulk-loads rows with COPY; memory stays bounded by one chunk. Returns the rows copied. */
  copyRows: (args: CopyRowsArgs) => Promise<number>;
};

type PgliteQuery = (text: string, params?: unknown[], options?: { blob?: Blob }) => Promise<{ rows: unknown[] }>;
type PostgresUnsafe = (text: string, params?: never[]) => { writable: () => Promise<NodeJS.WritableStream> } & PromiseLike<unknown>;

/**
 * Runs `work` in one transaction on the handle's raw connection (a separate postgres.js client on
 * PostgreSQL, the embedded instance on PGlite): COPY and set-based SQL commit together or not at all.
 * A killed process leaves nothing behind, since PostgreSQL never commits an unfinished transaction.
 */
export async function withBulkTransaction<T>(handle: DbHandle, work: (session: BulkSession) => Promise<T>): Promise<T> {
  if (handle.kind === "postgres") {
    if (!handle.sql) throw new Error("PostgreSQL handle without a raw client");
    return (await handle.sql.begin((tx) => work(postgresSession(tx.unsafe.bind(tx) as unknown as PostgresUnsafe)))) as T;
  }
  if (!handle.pglite) throw new Error("PGlite handle without an instance");
  return handle.pglite.transaction((tx) => work(pgliteSession(tx.query.bind(tx) as PgliteQuery)));
}

/** The same operations outside any explicit transaction (each statement commits on its own). */
export function openBulkSession(handle: DbHandle): BulkSession {
  if (handle.kind === "postgres") {
    if (!handle.sql) throw new Error("PostgreSQL handle without a raw client");
    return postgresSession(handle.sql.unsafe.bind(handle.sql) as unknown as PostgresUnsafe);
  }
  if (!handle.pglite) throw new Error("PGlite handle without an instance");
  return pgliteSession(handle.pglite.query.bind(handle.pglite) as PgliteQuery);
}

/** Bulk-loads rows with COPY outside a transaction; see BulkSession.copyRows. */
export function copyRows(handle: DbHandle, args: CopyRowsArgs): Promise<number> {
  return openBulkSession(handle).copyRows(args);
}

function columnList(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(", ");
}

function postgresSession(unsafe: PostgresUnsafe): BulkSession {
  return {
    kind: "postgres",
    raw: async (text, params = []) => (await unsafe(text, params as never[])) as never,
    copyRows: async (args) => {
      const stream = await unsafe(`COPY ${args.table} (${columnList(args.columns)}) FROM STDIN WITH (FORMAT csv)`).writable();
      const progressEvery = args.chunkSize ?? 50_000;
      let copied = 0;
      // Lines are sent in ~64 KB writes: one protocol message per row costs more than the row itself.
      let pending = "";
      const send = async () => {
        if (pending.length > 0 && !stream.write(pending)) await once(stream, "drain");
        pending = "";
      };
      for await (const row of args.rows) {
        pending += toCopyCsvLine(row);
        if (pending.length >= 65_536) await send();
        copied++;
        if (copied % progressEvery === 0) args.onProgress?.(copied);
      }
      await send();
      stream.end();
      await once(stream, "finish");
      args.onProgress?.(copied);
      return copied;
    },
  };
}

function pgliteSession(query: PgliteQuery): BulkSession {
  return {
    kind: "pglite",
    raw: async (text, params = []) => (await query(text, params)).rows as never,
    copyRows: async (args) => {
      const statement = `COPY ${args.table} (${columnList(args.columns)}) FROM '/dev/blob' WITH (FORMAT csv)`;
      const chunkSize = args.chunkSize ?? 50_000;
      let buffer: string[] = [];
      let copied = 0;
      const flush = async () => {
        if (buffer.length === 0) return;
        await query(statement, [], { blob: new Blob(buffer) });
        copied += buffer.length;
        buffer = [];
        args.onProgress?.(copied);
      };
      for await (const row of args.rows) {
        buffer.push(toCopyCsvLine(row));
        if (buffer.length >= chunkSize) await flush();
      }
      await flush();
      return copied;
    },
  };
}
