/** JSON text for jsonb columns: bigint (fen) as a decimal string, so money stays exact. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
