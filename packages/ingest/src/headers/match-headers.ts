import type { AmountUnit } from "../values/cell";
import type { ColumnSpec, KindSpec } from "../specs/column-spec";

/** A file column bound to a spec column, with the amount unit its header names. */
export type ColumnBinding = { index: number; header: string; spec: ColumnSpec; unit: AmountUnit };

export type HeaderMatch = {
  bindings: ColumnBinding[];
  /** Headers that match no column: reported, then ignored. */
  unknownHeaders: string[];
  /** Required columns no header matches. */
  missing: ColumnSpec[];
  /** Columns matched by more than one header. */
  duplicates: { column: string; headers: string[] }[];
};

/** A saved mapping: source header (as written in the file) → canonical column name. */
export type HeaderMapping = Record<string, string>;

const UNIT_PATTERN = /[([]?\s*(?:单位\s*[:：]\s*)?(亿元|万元|元|%|人民币元|rmb|cny)\s*[)\]]?$/;

/** Splits "金额(万元)" into its name and unit; full-width brackets and letters are folded first (NFKC). */
export function splitHeaderUnit(header: string): { name: string; unit: AmountUnit | null } {
  const text = header
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .trim();
  const match = UNIT_PATTERN.exec(text);
  if (!match || match.index === 0) return { name: text, unit: null };
  const word = match[1]!.toLowerCase();
  const unit: AmountUnit | null = word === "万元" ? "wan" : word === "亿元" ? "yi" : word === "%" ? null : "yuan";
  return { name: text.slice(0, match.index).trim(), unit };
}

/** Folds a header for matching: case, spaces, underscores, hyphens and full-width forms ignored. */
export function foldHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-–.]+/g, "");
}

function buildAliasIndex(spec: KindSpec): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const alias of [column.name, column.field, column.labelZh, ...column.aliases]) {
      index.set(foldHeader(alias), column);
      index.set(foldHeader(splitHeaderUnit(alias).name), column);
    }
  }
  return index;
}

/**
 * Binds a file's headers to a kind's columns: a saved mapping first (by exact header, folded),
 * then canonical names and Chinese / English aliases, with units read from the header.
 */
export function matchHeaders(spec: KindSpec, headers: readonly string[], mapping: HeaderMapping = {}): HeaderMatch {
  const aliasIndex = buildAliasIndex(spec);
  const byName = new Map(spec.columns.map((column) => [column.name, column]));
  const mapped = new Map(Object.entries(mapping).map(([source, target]) => [foldHeader(source), target]));
  const bindings: ColumnBinding[] = [];
  const unknownHeaders: string[] = [];
  headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const { name, unit } = splitHeaderUnit(header);
    const target = mapped.get(foldHeader(header)) ?? mapped.get(foldHeader(name));
    const column =
      target !== undefined
        ? byName.get(target)
        : (aliasIndex.get(foldHeader(header)) ?? aliasIndex.get(foldHeader(name)));
    if (!column) {
      unknownHeaders.push(header);
      return;
    }
    bindings.push({ index, header, spec: column, unit: unit ?? "yuan" });
  });
  const seen = new Map<string, string[]>();
  for (const binding of bindings) seen.set(binding.spec.name, [...(seen.get(binding.spec.name) ?? []), binding.header]);
  const duplicates = [...seen]
    .filter(([, list]) => list.length > 1)
    .map(([column, list]) => ({ column, headers: list }));
  const missing = spec.columns.filter((column) => column.isRequired && !seen.has(column.name));
  return { bindings, unknownHeaders, missing, duplicates };
}
