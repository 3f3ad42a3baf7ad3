/** A keyset position: the sort value of the last row read (as text, null for a missing value) and its id as tie-breaker. */
export type KeysetCursor = { value: string | null; id: string };

/** Escapes LIKE wildcards so a search for "50%" matches the text, not a pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
