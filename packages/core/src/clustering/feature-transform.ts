import type { ScaleMethod } from "./settings";
import { ClusteringInputError } from "./clustering-error";
import { quantileSorted, sortColumn } from "./quantile";

/**
 * Fitted per-feature transform: `t = (g(x) − center) / scale`, where g is `log1p` for log
 * features (natural log of 1 + x, so 0 is allowed; values must be ≥ 0) and identity otherwise.
 * `center` / `scale` are in g's units: zscore = mean / population SD, minmax = min / range,
 * robust = median / interquartile range, none = 0 / 1. A zero spread (constant feature) scales by 1.
 */
export type FittedTransform = {
  features: string[];
  scale: ScaleMethod;
  isLog: boolean[];
  center: number[];
  scaleFactor: number[];
};

/** Applies log1p where asked; throws naming the row (1-based) and feature for values a log cannot take. */
function applyLogInPlace(data: Float64Array, features: readonly string[], isLog: readonly boolean[]): void {
  const dims = features.length;
  const n = data.length / dims;
  for (let f = 0; f < dims; f++) {
    if (!isLog[f]) continue;
    for (let i = 0; i < n; i++) {
      const value = data[i * dims + f]!;
      if (!(value >= 0)) {
        throw new ClusteringInputError(
          `row ${i + 1}, feature "${features[f]}": log transform needs a value ≥ 0, got ${value}`,
        );
      }
      data[i * dims + f] = Math.log1p(value);
    }
  }
}

function fitCenterAndScale(data: Float64Array, dims: number, f: number, method: ScaleMethod): [number, number] {
  const n = data.length / dims;
  if (method === "none" || n === 0) return [0, 1];
  if (method === "zscore") {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[i * dims + f]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const delta = data[i * dims + f]! - mean;
      squares += delta * delta;
    }
    const sd = Math.sqrt(squares / n);
    return [mean, sd > 0 ? sd : 1];
  }
  const sorted = sortColumn(data, dims, f);
  if (method === "minmax") {
    const range = sorted[n - 1]! - sorted[0]!;
    return [sorted[0]!, range > 0 ? range : 1];
  }
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  return [quantileSorted(sorted, 0.5), iqr > 0 ? iqr : 1];
}

/**
 * Fits the transform on raw rows (row-major, `features.length` columns) and returns it together
 * with the transformed copy of the data. Raw units are whatever the caller's columns hold.
 */
export function fitTransform(args: {
  data: Float64Array;
  features: readonly string[];
  log: readonly string[];
  scale: ScaleMethod;
}): { transform: FittedTransform; transformed: Float64Array } {
  const { features, scale } = args;
  const dims = features.length;
  const isLog = features.map((f) => args.log.includes(f));
  const transformed = Float64Array.from(args.data);
  applyLogInPlace(transformed, features, isLog);
  const center: number[] = [];
  const scaleFactor: number[] = [];
  for (let f = 0; f < dims; f++) {
    const [c, s] = fitCenterAndScale(transformed, dims, f, scale);
    center.push(c);
    scaleFactor.push(s);
  }
  const n = transformed.length / dims;
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < dims; f++) {
      const at = i * dims + f;
      transformed[at] = (transformed[at]! - center[f]!) / scaleFactor[f]!;
    }
  }
  return { transform: { features: [...features], scale, isLog, center, scaleFactor }, transformed };
}

/** Maps raw rows (row-major) into the fitted transformed space. */
export function applyTransform(transform: FittedTransform, data: Float64Array): Float64Array {
  const dims = transform.features.length;
  const out = Float64Array.from(data);
  applyLogInPlace(out, transform.features, transform.isLog);
  for (let at = 0; at < out.length; at++) {
    const f = at % dims;
    out[at] = (out[at]! - transform.center[f]!) / transform.scaleFactor[f]!;
  }
  return out;
}

/** Maps transformed rows (e.g. centroids) back to raw units; for log features this is expm1 of the centre. */
export function inverseTransform(transform: FittedTransform, data: Float64Array): Float64Array {
  const dims = transform.features.length;
  const out = new Float64Array(data.length);
  for (let at = 0; at < data.length; at++) {
    const f = at % dims;
    const value = data[at]! * transform.scaleFactor[f]! + transform.center[f]!;
    // log1p inputs are ≥ 0, so a centre's expm1 is too; clamp the last-bit rounding below 0.
    out[at] = transform.isLog[f] ? Math.max(0, Math.expm1(value)) : value;
  }
  return out;
}
