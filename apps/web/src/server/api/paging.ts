import type { KeysetCursor } from "@creditseg/db";
import { isCleanText } from "@creditseg/core";
import type { TRPCError } from "@trpc/server";
import { appError } from "./errors";
import { MAX_INTEGER_ID } from "./schemas/common";

/** Page positions travel as opaque base64url text: the last row's sort value and id. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

/** Longest sort value or id a cursor may carry: longer than any name or id the lists sort on. */
const MAX_CURSOR_PART_LENGTH = 256;
/** A bigint sort value (fen) as PostgreSQL's bigint holds it. */
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function isCursorPart(part: unknown): part is string {
  return typeof part === "string" && part.length <= MAX_CURSOR_PART_LENGTH && isCleanText(part);
}

function isInt64Text(text: string): boolean {
  if (!/^-?\d{1,19}$/.test(text)) return false;
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX;
}

function invalidCursor(): TRPCError {
  return appError(
    "BAD_REQUEST",
    "INVALID_CURSOR",
    "The page position is no longer valid; start again from the first page.",
  );
}

/**
 * Decodes a cursor from a previous page; a tampered one is a BAD_REQUEST, never a server error: its
 * parts must be bounded text without control characters (NUL would fail in PostgreSQL), and with
 * `valueKind: "bigint"` the sort value must fit a bigint.
 */
export function decodeCursor(text: string, options: { valueKind?: "text" | "bigint" } = {}): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [value, id] = parsed as [unknown, unknown];
  if (!(value === null || isCursorPart(value)) || !isCursorPart(id)) throw invalidCursor();
  if (options.valueKind === "bigint" && value !== null && !isInt64Text(value)) throw invalidCursor();
  return { value, id };
}

/** Cuts a `limit + 1` fetch to a page and builds the cursor of the row after it. */
export function toPage<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => KeysetCursor,
): { items: Row[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/**
 * A cursor over a numeric id (runs, audit rows, overrides, policy versions), at most `maxId`: the
 * column type's largest value (integer by default; the audit log's bigint ids pass a larger bound).
 */
export function decodeIdCursor(text: string, maxId: number = MAX_INTEGER_ID): number {
  const id = Number(decodeCursor(text).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > maxId) throw invalidCursor();
  return id;
}
