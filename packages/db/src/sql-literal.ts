/**
 * A string as an SQL literal, for the statements that take no parameters (COPY, SET); standard_conforming_strings is
 * on, so doubling the quotes is the whole escape.
 */
export function sqlLiteral(text: string): string {
  if (text.includes("\0")) throw new RangeError("an SQL literal cannot hold a NUL character");
  return `'${text.replaceAll("'", "''")}'`;
}
