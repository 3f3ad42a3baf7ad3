import type { MixedTable } from "./mixed-table";

/** A numeric attribute of a group: raw means (the attribute's own unit) and the group's mean in z units. */
export type NumericTrait = { attribute: string; groupMean: number; portfolioMean: number; z: number };

/** One value of a categorical attribute within a group: shares are 0..1, lift = share ÷ portfolio share. */
export type CategoryShare = { value: string; share: number; portfolioShare: number; lift: number };

export type CategoricalTrait = { attribute: string; mode: string; values: CategoryShare[] };

/** A code the UI renders into one part of a group's name: a level of a numeric attribute, or a category. */
export type NamePart =
  | { attribute: string; level: "high" | "low"; z: number }
  | { attribute: string; value: string; share: number; lift: number };

/** A generated banker's name, as codes: e.g. [collateral_share low, industry 科技服务, size micro] → 轻资产·科技服务·小微. */
export type GroupName = {
  parts: NamePart[];
  /** 2, 3 … when an earlier group has the same parts; null otherwise. */
  ordinal: number | null;
};

export type GroupProfile = {
  group: number;
  size: number;
  /** Share of all rows, 0..1. */
  shareOfRows: number;
  numeric: NumericTrait[];
  /** Values sorted by share in the group, largest first. */
  categorical: CategoricalTrait[];
  name: GroupName;
};

export type ProfileThresholds = { minAbsZ: number; minLift: number; minShare: number; maxNameParts: number };

const partKey = (part: NamePart): string =>
  "level" in part ? `${part.attribute}:${part.level}` : `${part.attribute}=${part.value}`;

/**
 * The name's parts: the numeric attribute furthest from the portfolio (|z| ≥ minAbsZ) first, then the
 * over-represented categories (share ≥ minShare and lift ≥ minLift, by share), then further numeric
 * attributes, up to `maxNameParts`. A group where nothing passes the thresholds is named by its strongest
 * numeric lean, else by its most over-represented mode.
 */
function nameParts(numeric: NumericTrait[], categorical: CategoricalTrait[], limits: ProfileThresholds): NamePart[] {
  const levels: NamePart[] = numeric
    .filter((t) => Math.abs(t.z) >= limits.minAbsZ)
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.attribute.localeCompare(b.attribute))
    .map((t) => ({ attribute: t.attribute, level: t.z > 0 ? "high" : "low", z: t.z }));
  const categories: NamePart[] = categorical
    .flatMap((trait) =>
      trait.values
        .filter((v) => v.value !== "" && v.share >= limits.minShare && v.lift >= limits.minLift)
        .map((v) => ({ attribute: trait.attribute, value: v.value, share: v.share, lift: v.lift })),
    )
    .sort((a, b) => b.share - a.share || a.attribute.localeCompare(b.attribute));
  const parts = [...levels.slice(0, 1), ...categories, ...levels.slice(1)].slice(0, limits.maxNameParts);
  if (parts.length > 0) return parts;
  // Nothing passes the thresholds: the group is still named, by its strongest lean.
  const strongest = [...numeric].sort((a, b) => Math.abs(b.z) - Math.abs(a.z))[0];
  if (strongest && strongest.z !== 0)
    return [{ attribute: strongest.attribute, level: strongest.z > 0 ? "high" : "low", z: strongest.z }];
  const mode = categorical
    .flatMap((trait) => trait.values.slice(0, 1).map((v) => ({ attribute: trait.attribute, ...v })))
    .sort((a, b) => b.lift - a.lift)[0];
  return mode ? [{ attribute: mode.attribute, value: mode.value, share: mode.share, lift: mode.lift }] : [];
}

/**
 * Profiles each group against the whole table: numeric means (raw and in z units, the table's scaling
 * having mean 0 and SD 1 over all rows), every category's share and lift, and a name built from the
 * attributes that set the group apart. Groups with identical name parts get ordinals 2, 3 …
 */
export function profileGroups(args: {
  table: MixedTable;
  labels: Int32Array;
  k: number;
  thresholds: ProfileThresholds;
}): GroupProfile[] {
  const { table, labels, k, thresholds } = args;
  const { n } = table;
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const sizes = new Int32Array(k);
  const zSums = new Float64Array(k * p);
  const rawSums = new Float64Array(k * p);
  const portfolioRaw = new Float64Array(p);
  const levelCounts = table.levels.map((levels) => new Int32Array(k * levels.length));
  const portfolioCounts = table.levels.map((levels) => new Int32Array(levels.length));
  for (let i = 0; i < n; i++) {
    const g = labels[i]!;
    sizes[g]!++;
    for (let f = 0; f < p; f++) {
      zSums[g * p + f]! += table.numeric[i * p + f]!;
      rawSums[g * p + f]! += table.numericRaw[i * p + f]!;
      portfolioRaw[f]! += table.numericRaw[i * p + f]!;
    }
    for (let a = 0; a < q; a++) {
      const code = table.categorical[i * q + a]!;
      levelCounts[a]![g * table.levels[a]!.length + code]!++;
      portfolioCounts[a]![code]!++;
    }
  }
  const seen = new Map<string, number>();
  return Array.from({ length: k }, (_, g) => {
    const size = sizes[g]!;
    const numeric = table.numericNames.map((attribute, f) => ({
      attribute,
      groupMean: size > 0 ? rawSums[g * p + f]! / size : 0,
      portfolioMean: n > 0 ? portfolioRaw[f]! / n : 0,
      z: size > 0 ? zSums[g * p + f]! / size : 0,
    }));
    const categorical = table.categoricalNames.map((attribute, a) => {
      const levels = table.levels[a]!;
      const values = levels
        .map((value, code) => {
          const share = size > 0 ? levelCounts[a]![g * levels.length + code]! / size : 0;
          const portfolioShare = portfolioCounts[a]![code]! / n;
          return { value, share, portfolioShare, lift: portfolioShare > 0 ? share / portfolioShare : 0 };
        })
        .filter((v) => v.share > 0)
        .sort((x, y) => y.share - x.share || (x.value < y.value ? -1 : 1));
      return { attribute, mode: values[0]?.value ?? "", values };
    });
    const parts = nameParts(numeric, categorical, thresholds);
    const key = parts.map(partKey).join("|");
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return {
      group: g,
      size,
      shareOfRows: n > 0 ? size / n : 0,
      numeric,
      categorical,
      name: { parts, ordinal: count > 1 ? count : null },
    };
  });
}
