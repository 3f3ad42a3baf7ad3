import Decimal from "decimal.js";

/**
 * The decimal constructor every core calculation uses: 40 significant digits and half-to-even rounding.
 * A private clone, so settings made elsewhere on the global `Decimal` never change money figures.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Dec = Decimal;

/** Reads an annual-percent rate or other decimal from a string or a JS number (via its shortest string form, so 4.35 stays 4.35). */
export function toDecimal(value: string | number | Decimal): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new Dec(String(value));
  }
  return new Dec(value);
}
