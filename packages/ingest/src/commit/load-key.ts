import { createHash } from "node:crypto";
import type { ImportKind } from "@creditseg/core/constants";
import type { OpenedImport } from "../validate/validate-import";

/**
 * The key of "these rows would land again": the file's SHA-256 with everything that decides which rows it yields
 * and how they are written: kind, period, the sheet read, the encoding it was decoded with, how its headers bound
 * to columns (saved mapping, inline mapping or recognised names alike) and the write mode. SHA-256, hex.
 */
export function computeLoadKey(args: {
  checksum: string;
  kind: ImportKind;
  period: string;
  opened: OpenedImport;
  mode: "amend" | "replace";
}): string {
  const { table, columns } = args.opened;
  const binding = columns.map((column) => [column.header, column.column, column.unit]);
  const parts = [args.checksum, args.kind, args.period, table.format, table.sheet, table.encoding, binding, args.mode];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
