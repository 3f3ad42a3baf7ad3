import { once } from "node:events";
import type { DbHandle, RawQuery } from "../client";
import { toCopyCsvLine } from "./csv-line";

type CopyTarget = {
  /** Target table (may be a temp table); a trusted identifier, never user input. */
  table: string;
  /** Column names in snake_case, in the order of each row's values. */
  columns: readonly string[];
  /** Called after each block with the rows copied so far. */
  onProgress?: (rowsCopied: number) => void;
};

export type CopyRowsArgs = CopyTarget & {
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;
  /** Rows per block (one COPY statement on PGlite, whose COPY reads a whole blob; one progress call); default 50,000. */
  chunkSize?: number;
};

/** Whole rows already encoded as COPY CSV lines (see toCopyCsvLine), and how many rows the text holds. */
export type CsvBlock = { text: string; rows: number };

export type CopyCsvArgs = CopyTarget & { blocks: Iterable<CsvBlock> | AsyncIterable<CsvBlock> };

/** Raw SQL and COPY on one connection: inside a transaction when opened by withBulkTransaction. */
export type BulkSession = {
  kind: DbHandle["kind"];
  raw: RawQuery;
  /** Bulk-loads rows with COPY; memory stays bounded by one block. Returns the rows copied. */
  copyRows: (args: CopyRowsArgs) => Promise<number>;
  /** Bulk-loads pre-encoded CSV blocks with COPY (no re-encoding); memory stays bounded by one block. Returns the rows copied. */
  copyCsv: (args: CopyCsvArgs) => Promise<number>;
};

/** Characters per block at most: bounds memory when rows are wide. */
const MAX_BLOCK_CHARS = 4 * 1024 * 1024;

/** Encodes rows into CSV blocks of at most `chunkSize` rows (and about MAX_BLOCK_CHARS characters). */
export async function* encodeCsvBlocks(rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>, chunkSize = 50_000): AsyncGenerator<CsvBlock> {
  let text = "";
  let count = 0;
  for await (const row of rows) {
    text += toCopyCsvLine(row);
    count++;
    if (count >= chunkSize || text.length >= MAX_BLOCK_CHARS) {
      yield { text, rows: count };
      text = "";
      count = 0;
    }
  }
  if (count > 0) yield { text, rows: count };
}

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
  const copyCsv = async (args: CopyCsvArgs) => {
    const stream = await unsafe(`COPY ${args.table} (${columnList(args.columns)}) FROM STDIN WITH (FORMAT csv)`).writable();
    let copied = 0;
    for await (const block of args.blocks) {
      if (!stream.write(block.text)) await once(stream, "drain");
      copied += block.rows;
      args.onProgress?.(copied);
    }
    stream.end();
    await once(stream, "finish");
    return copied;
  };
  return {
    kind: "postgres",
    raw: async (text, params = []) => (await unsafe(text, params as never[])) as never,
    copyCsv,
    // Blocks are sent as single writes: one protocol message per row costs more than the row itself.
    copyRows: (args) => copyCsv({ ...args, blocks: encodeCsvBlocks(args.rows, args.chunkSize) }),
  };
}

function pgliteSession(query: PgliteQuery): BulkSession {
  const copyCsv = async (args: CopyCsvArgs) => {
    const statement = `COPY ${args.table} (${columnList(args.columns)}) FROM '/dev/blob' WITH (FORMAT csv)`;
    let copied = 0;
    for await (const block of args.blocks) {
      await query(statement, [], { blob: new Blob([block.text]) });
      copied += block.rows;
      args.onProgress?.(copied);
    }
    return copied;
  };
  return {
    kind: "pglite",
    raw: async (text, params = []) => (await query(text, params)).rows as never,
    copyCsv,
    copyRows: (args) => copyCsv({ ...args, blocks: encodeCsvBlocks(args.rows, args.chunkSize) }),
  };
}
