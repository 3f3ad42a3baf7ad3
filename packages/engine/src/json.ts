/** JSON text for jsonb columns: bigint (fen) as a decimal string, so money stays exact. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** The same conversion as a plain JSON value (for objects returned to callers). */
export function toJsonValue<T>(value: T): unknown {
  return JSON.parse(toJsonText(value));
}
