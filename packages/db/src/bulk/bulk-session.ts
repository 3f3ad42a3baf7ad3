import { once } from "node:events";
import type { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { DbHandle, RawQuery } from "../client";
import { toCopyCsvLine } from "./csv-line";

type CopyTarget = {
  /** Target table (may be a temp table); a trusted identifier, never user input. */
  table: string;
  /** Column names in snake_case, in the order of each row's values. */
  columns: readonly string[];
  /**
   * Called with the rows copied so far: after each block on PGlite, at least every 20,000 rows on PostgreSQL, and at
   * the end. An async listener is awaited, so its failure fails the copy rather than going unhandled.
   */
  onProgress?: (rowsCopied: number) => void | Promise<void>;
};

export type CopyRowsArgs = CopyTarget & {
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>;
  /** Rows per block (one COPY statement on PGlite, whose COPY reads a whole blob; one progress call); default 50,000. */
  chunkSize?: number;
};

/** Whole rows already encoded as COPY CSV lines (see toCopyCsvLine), in one or more parts, and how many rows they hold. */
export type CsvBlock = { parts: readonly (string | Uint8Array<ArrayBuffer>)[]; rows: number };

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

/**
 * Encodes rows into blocks of at most `maxRows` rows and about `maxChars` characters. `isJoined` makes
 * each block one string; otherwise a block keeps its lines as parts, so no large string is built: a
 * string of megabytes lands in V8's large-object space, and a run holding a million loans in memory
 * would pay a full garbage collection for each one.
 */
export async function* encodeCsvBlocks(
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
  options: { maxRows: number; maxChars: number; isJoined: boolean },
): AsyncGenerator<CsvBlock> {
  let lines: string[] = [];
  let chars = 0;
  const take = (): CsvBlock => {
    const block = { parts: options.isJoined ? [lines.join("")] : lines, rows: lines.length };
    lines = [];
    chars = 0;
    return block;
  };
  for await (const row of rows) {
    const line = toCopyCsvLine(row);
    lines.push(line);
    chars += line.length;
    if (lines.length >= options.maxRows || chars >= options.maxChars) yield take();
  }
  if (lines.length > 0) yield take();
}

/** Rows between progress calls when blocks are small. */
const PROGRESS_EVERY_ROWS = 20_000;

type PgliteQuery = (text: string, params?: unknown[], options?: { blob?: Blob }) => Promise<{ rows: unknown[] }>;
export type PostgresUnsafe = (
  text: string,
  params?: never[],
) => { writable: () => Promise<Writable> } & PromiseLike<unknown>;

/**
 * Runs `work` in one transaction on the handle's raw connection (a separate postgres.js client on
 * PostgreSQL, the embedded instance on PGlite): COPY and set-based SQL commit together or not at all.
 * A killed process leaves nothing behind, since PostgreSQL never commits an unfinished transaction.
 */
export async function withBulkTransaction<T>(handle: DbHandle, work: (session: BulkSession) => Promise<T>): Promise<T> {
  if (handle.kind === "postgres") {
    if (!handle.sql) throw new Error("PostgreSQL handle without a raw client");
    return (await handle.sql.begin((tx) =>
      work(postgresSession(tx.unsafe.bind(tx) as unknown as PostgresUnsafe)),
    )) as T;
  }
  if (!handle.pglite) throw new Error("PGlite handle without an instance");
  return handle.pglite.transaction((tx) => work(pgliteSession(tx.query.bind(tx) as PgliteQuery)));
}

/** The same operations outside any explicit transaction (each statement commits on its own). */
export function openBulkSession(handle: DbHandle): BulkSession {
  if (handle.kind === "postgres") {
    if (!handle.sql) throw new Error("PostgreSQL handle without a raw client");
    return postgresSession(handle.sql.unsafe.bind(handle.sql));
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

/**
 * Settles when the COPY stream fails. postgres.js reports a server error during COPY (a value out of range, a NUL
 * in text, a constraint) as an `error` event and never emits `finish`: awaiting `finish` or `drain` alone would wait
 * forever with the transaction held open `idle in transaction (aborted)`, so every wait races this.
 */
function watchStreamFailure(stream: Writable): { failed: Promise<never>; failure: () => Error | null } {
  let failure: Error | null = null;
  const failed = new Promise<never>((_, reject) =>
    stream.once("error", (error: Error) => {
      failure = error;
      reject(error);
    }),
  );
  // Observed through the races below; an unobserved rejection must not crash the process.
  failed.catch(() => undefined);
  return { failed, failure: () => failure };
}

/** A session over postgres.js's `unsafe` (of a client or a transaction); exported for the stream-handling tests. */
export function postgresSession(unsafe: PostgresUnsafe): BulkSession {
  const copyCsv = async (args: CopyCsvArgs) => {
    const stream = await unsafe(
      `COPY ${args.table} (${columnList(args.columns)}) FROM STDIN WITH (FORMAT csv)`,
    ).writable();
    const { failed, failure } = watchStreamFailure(stream);
    const settle = <T>(waiting: Promise<T>) => Promise.race([waiting, failed]);
    let copied = 0;
    let reported = 0;
    try {
      for await (const block of args.blocks) {
        for (const part of block.parts) {
          const error = failure();
          if (error) throw error;
          if (!stream.write(part)) await settle(once(stream, "drain"));
        }
        // The socket may take every write without back-pressure; without a turn here a million rows would
        // be encoded and sent while the process (a web server running a segment run) answers nobody.
        await settle(nextTurn());
        copied += block.rows;
        if (copied - reported >= PROGRESS_EVERY_ROWS) await args.onProgress?.((reported = copied));
      }
      // Only a stream that refused a write emits `drain`: waiting for it because bytes are still queued (one write
      // accepted under the high-water mark, its socket write not yet done) waited forever, the COPY open on the server.
      if (stream.writableNeedDrain) await settle(once(stream, "drain"));
      const finished = settle(once(stream, "finish"));
      stream.end();
      // An error the server finds after the last row (a key violated, a value refused at the end) comes after
      // postgres.js has let go of the stream: it emits neither `error` nor `finish`, and the COPY's own promise has
      // already resolved. A statement queued behind the COPY on the same connection settles either way: it runs once
      // the COPY succeeded, and fails (transaction aborted) when the COPY did.
      await settle(nextTurn());
      const probe = Promise.resolve(unsafe("select 1")).catch((cause: unknown) => {
        throw new Error(`COPY into ${args.table} was refused by the database; nothing was kept`, { cause });
      });
      await Promise.all([Promise.race([finished, probe.then(() => finished)]), probe]);
    } catch (error) {
      // Ends the COPY on the server (CopyFail) when the rows, not the server, failed; the caller's transaction rolls back.
      if (!failure()) stream.destroy(error as Error);
      throw error;
    }
    if (copied !== reported) await args.onProgress?.(copied);
    return copied;
  };
  return {
    kind: "postgres",
    raw: async (text, params = []) => (await unsafe(text, params as never[])) as never,
    copyCsv,
    // ~64 KB writes: one protocol message per row costs more than the row itself, and larger strings cost garbage collections.
    copyRows: (args) =>
      copyCsv({
        ...args,
        blocks: encodeCsvBlocks(args.rows, { maxRows: args.chunkSize ?? 50_000, maxChars: 65_536, isJoined: true }),
      }),
  };
}

function pgliteSession(query: PgliteQuery): BulkSession {
  const copyCsv = async (args: CopyCsvArgs) => {
    const statement = `COPY ${args.table} (${columnList(args.columns)}) FROM '/dev/blob' WITH (FORMAT csv)`;
    let copied = 0;
    for await (const block of args.blocks) {
      await query(statement, [], { blob: new Blob([...block.parts]) });
      copied += block.rows;
      await args.onProgress?.(copied);
    }
    return copied;
  };
  return {
    kind: "pglite",
    raw: async (text, params = []) => (await query(text, params)).rows as never,
    copyCsv,
    // PGlite's COPY reads a whole blob: few large blocks, kept as lines until the blob copies them.
    copyRows: (args) =>
      copyCsv({
        ...args,
        blocks: encodeCsvBlocks(args.rows, {
          maxRows: args.chunkSize ?? 50_000,
          maxChars: 64 * 1024 * 1024,
          isJoined: false,
        }),
      }),
  };
}
