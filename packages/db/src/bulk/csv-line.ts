/**
 * One row as a line of PostgreSQL COPY CSV: null → unquoted empty (NULL), strings always quoted
 * (so "" stays an empty string), bigint and numbers as written, booleans as t / f.
 */
export function toCopyCsvLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ",";
    line += encodeCopyCsvValue(values[i]);
  }
  return `${line}\n`;
}

function encodeCopyCsvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "bigint":
      return value.toString();
    case "number":
      if (!Number.isFinite(value)) throw new Error(`cannot COPY a non-finite number: ${value}`);
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    case "string":
      return `"${value.replaceAll('"', '""')}"`;
    default:
      if (value instanceof Date) return value.toISOString();
      return `"${JSON.stringify(value).replaceAll('"', '""')}"`;
  }
}
