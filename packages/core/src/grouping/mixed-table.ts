import { ClusteringInputError } from "../clustering/clustering-error";
import { fitTransform, type FittedTransform } from "../clustering/feature-transform";

/** A numeric attribute in raw units (NaN = missing); `log` applies log1p before scaling (values must be ≥ 0). */
export type NumericColumn = { name: string; values: ArrayLike<number>; log?: boolean };
/** A categorical attribute; null or "" = missing, kept as its own value "". */
export type CategoricalColumn = { name: string; values: readonly (string | null)[] };

/**
 * Rows ready for k-prototypes: numeric attributes z-scored (population SD, after the optional log1p;
 * a missing value takes the attribute's median, so it sits near the portfolio centre) and categorical
 * attributes coded 0..levels−1 per attribute (levels sorted, so codes do not depend on row order).
 */
export type MixedTable = {
  n: number;
  numericNames: string[];
  /** n × numericNames.length, row-major, z units. */
  numeric: Float64Array;
  /** Raw values with missing ones imputed (same layout as `numeric`), for profiles in business units. */
  numericRaw: Float64Array;
  transform: FittedTransform;
  categoricalNames: string[];
  /** n × categoricalNames.length, row-major codes. */
  categorical: Int32Array;
  /** Sorted distinct values of each categorical attribute. */
  levels: string[][];
};

function medianOfPresent(values: ArrayLike<number>): number {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) present.push(values[i]!);
  if (present.length === 0) return 0;
  present.sort((a, b) => a - b);
  const mid = present.length >> 1;
  return present.length % 2 === 1 ? present[mid]! : (present[mid - 1]! + present[mid]!) / 2;
}

/**
 * Encodes mixed attributes into a MixedTable. Throws ClusteringInputError naming the row (1-based) and
 * attribute for an infinite number, a negative value under a log, or columns of different lengths.
 */
export function encodeMixedTable(args: {
  numeric: readonly NumericColumn[];
  categorical: readonly CategoricalColumn[];
}): MixedTable {
  const columns = [...args.numeric.map((c) => c.values.length), ...args.categorical.map((c) => c.values.length)];
  if (columns.length === 0) throw new ClusteringInputError("no attributes to group on");
  const n = columns[0]!;
  const names = [...args.numeric.map((c) => c.name), ...args.categorical.map((c) => c.name)];
  if (new Set(names).size !== names.length)
    throw new ClusteringInputError(`an attribute is named twice: ${names.join(", ")}`);
  columns.forEach((length, c) => {
    if (length !== n) throw new ClusteringInputError(`attribute "${names[c]}" has ${length} values, expected ${n}`);
  });

  const numDims = args.numeric.length;
  const numericRaw = new Float64Array(n * numDims);
  args.numeric.forEach((column, f) => {
    const fill = medianOfPresent(column.values);
    for (let i = 0; i < n; i++) {
      const value = column.values[i]!;
      if (value === Infinity || value === -Infinity)
        throw new ClusteringInputError(`row ${i + 1}, attribute "${column.name}": not a finite number`);
      numericRaw[i * numDims + f] = Number.isNaN(value) ? fill : value;
    }
  });
  const { transform, transformed } = fitTransform({
    data: numericRaw,
    features: args.numeric.map((c) => c.name),
    log: args.numeric.filter((c) => c.log).map((c) => c.name),
    scale: "zscore",
  });

  const catDims = args.categorical.length;
  const categorical = new Int32Array(n * catDims);
  const levels = args.categorical.map((column, a) => {
    const distinct = [...new Set(column.values.map((v) => v ?? ""))].sort();
    const codeOf = new Map(distinct.map((value, code) => [value, code]));
    for (let i = 0; i < n; i++) categorical[i * catDims + a] = codeOf.get(column.values[i] ?? "")!;
    return distinct;
  });
  return {
    n,
    numericNames: args.numeric.map((c) => c.name),
    numeric: transformed,
    numericRaw,
    transform,
    categoricalNames: args.categorical.map((c) => c.name),
    categorical,
    levels,
  };
}

/** The rows `rows` of a table (for samples), sharing the fitted scaling and the level codes. */
export function selectTableRows(table: MixedTable, rows: Int32Array): MixedTable {
  const p = table.numericNames.length;
  const q = table.categoricalNames.length;
  const numeric = new Float64Array(rows.length * p);
  const numericRaw = new Float64Array(rows.length * p);
  const categorical = new Int32Array(rows.length * q);
  rows.forEach((row, r) => {
    for (let f = 0; f < p; f++) {
      numeric[r * p + f] = table.numeric[row * p + f]!;
      numericRaw[r * p + f] = table.numericRaw[row * p + f]!;
    }
    for (let a = 0; a < q; a++) categorical[r * q + a] = table.categorical[row * q + a]!;
  });
  return { ...table, n: rows.length, numeric, numericRaw, categorical };
}
