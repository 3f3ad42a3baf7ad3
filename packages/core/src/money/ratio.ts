import { Dec } from "./decimal";

/**
 * `part ÷ whole` as a percent with `places` decimals, rounded half to even (the bank's rounding for every stored
 * ratio: NPL ratio, concentration, signal rate, loan-to-investment); null when `whole` is 0. Exact: counts and fen
 * amounts go through decimal.js, never through a float.
 */
export function ratioPct(part: bigint | number, whole: bigint | number, places = 2): string | null {
  if (BigInt(whole) === 0n) return null;
  return new Dec(part.toString()).times(100).dividedBy(whole.toString()).toFixed(places, Dec.ROUND_HALF_EVEN);
}
