import type { KeysetCursor } from "@creditseg/db";
import { appError } from "./errors";

/** Page positions travel as opaque base64url text: the last row's sort value and id. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

/** Decodes a cursor from a previous page; a tampered one is a BAD_REQUEST, not a server error. */
export function decodeCursor(text: string): KeysetCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === "string" || parsed[0] === null) &&
      typeof parsed[1] === "string"
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw appError(
    "BAD_REQUEST",
    "INVALID_CURSOR",
    "The page position is no longer valid; start again from the first page.",
  );
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

/** A cursor over a numeric id (runs, audit rows, overrides, policy versions). */
export function decodeIdCursor(text: string): number {
  const id = Number(decodeCursor(text).id);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw appError(
      "BAD_REQUEST",
      "INVALID_CURSOR",
      "The page position is no longer valid; start again from the first page.",
    );
  return id;
}
