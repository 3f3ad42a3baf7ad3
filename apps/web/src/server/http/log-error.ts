/**
 * A log line for an unexpected server error that names where it happened and what kind of error it
 * was, never its message: database errors quote the statement's parameters, which hold customer data.
 */
export function describeErrorForLog(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const name = (current as { name?: unknown }).name;
    const code = (current as { code?: unknown }).code;
    parts.push(
      [typeof name === "string" ? name : "Error", typeof code === "string" ? code : null].filter(Boolean).join(":"),
    );
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(" <- ");
}
