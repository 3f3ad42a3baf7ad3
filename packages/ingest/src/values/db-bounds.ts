/**
 * What the database columns can hold, as the column specs check it before a value is written: a value
 * outside these is a named reject, never a COPY failure.
 */

/** bigint fen columns: a signed 64-bit integer, so ±92,233,720,368,547,758.07 yuan. */
export const FEN_MAX = 2n ** 63n - 1n;
export const FEN_MIN = -(2n ** 63n);

/** integer columns (days, terms, counts): a signed 32-bit integer. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/** Whole-number digits of numeric(9, 6) (rates, annual percent): below 1,000. */
export const RATE_WHOLE_DIGITS = 3;

/** Whole-number digits of numeric(14, 4) (financial ratios): below 10^10. */
export const RATIO_WHOLE_DIGITS = 10;

/** True when a fen amount fits a bigint column. */
export function isFenInRange(fen: bigint): boolean {
  return fen >= FEN_MIN && fen <= FEN_MAX;
}
