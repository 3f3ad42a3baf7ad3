import { appError } from "../api/errors";

/** A keyset position: the sort value of the last row (as text, null for a missing value) and its id as tie-breaker. */
export type KeysetCursor = { value: string | null; id: string };

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

/** Decodes a cursor from a previous page; a tampered one is a BAD_REQUEST, not a server error. */
export function decodeCursor(text: string): KeysetCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    const [value, id]: unknown[] = Array.isArray(parsed) && parsed.length === 2 ? parsed : [];
    if ((typeof value === "string" || value === null) && typeof id === "string") return { value, id };
  } catch {
    // fall through to the error below
  }
  throw appError(
    "BAD_REQUEST",
    "INVALID_CURSOR",
    "The page position is no longer valid; start again from the first page.",
  );
}

/** Escapes LIKE wildcards so a search for "50%" matches the text, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
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
