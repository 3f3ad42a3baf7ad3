/** JSON text for jsonb columns: bigint (fen) as a decimal string, so money stays exact. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * A value stored by `toJsonText` back to the engine's shape: every property named `…Fen` (money in fen, the engine's
 * one naming rule for amounts) holding a decimal string becomes a bigint again, at any depth.
 */
export function reviveFen<T>(stored: unknown): T {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === "string" && key.endsWith("Fen") && /^-?\d+$/.test(value)) return BigInt(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, ""));
    if (value !== null && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(stored, "") as T;
}
