import type Decimal from "decimal.js";
import { Dec } from "./decimal";

/** 1 yuan (元) = 100 fen (分). */
export const FEN_PER_YUAN = 100n;
/** 1 万元 = 10,000 yuan, in fen. */
export const FEN_PER_WAN = 1_000_000n;
/** 1 亿元 = 100,000,000 yuan, in fen. */
export const FEN_PER_YI = 10_000_000_000n;

/** Rounds an amount already expressed in fen (possibly fractional) to whole fen, half to even. */
export function roundFenHalfEven(amountFen: Decimal): bigint {
  return BigInt(amountFen.toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toFixed(0));
}

/** Rounds an amount in yuan (possibly with more than two decimals) to whole fen, half to even. */
export function roundYuanToFen(amountYuan: Decimal): bigint {
  return roundFenHalfEven(amountYuan.times(100));
}

/**
 * Exact `numerator ÷ denominator` rounded to an integer, half to even, in bigint arithmetic.
 * Used where a decimal.js division would need more precision than the product carries.
 */
export function divideRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const isNegative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return isNegative ? -quotient : quotient;
}

const YUAN_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses a yuan amount as banks write it ("1,234.56", "-20000", "5000000.005") into fen.
 * Thousands separators and surrounding spaces are accepted; more than two decimals round half to even.
 * Returns null when the text is not a plain decimal number.
 */
export function parseYuanToFen(text: string): bigint | null {
  const cleaned = text.trim().replace(/,/g, "");
  if (!YUAN_PATTERN.test(cleaned)) return null;
  return roundYuanToFen(new Dec(cleaned));
}

/** Sums fen amounts (an empty list sums to 0). */
export function sumFen(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatScaled(amountFen: bigint, fenPerUnit: bigint, decimals: number): string {
  const value = new Dec(amountFen.toString()).dividedBy(fenPerUnit.toString()).toFixed(decimals, Dec.ROUND_HALF_EVEN);
  const isNegative = value.startsWith("-");
  const [whole = "0", fraction] = (isNegative ? value.slice(1) : value).split(".");
  const grouped = groupThousands(whole) + (fraction === undefined ? "" : `.${fraction}`);
  return (isNegative ? "-" : "") + grouped;
}

/** Formats fen as yuan with thousands separators and two decimals: 123456789n → "1,234,567.89". */
export function formatFenAsYuan(amountFen: bigint): string {
  return formatScaled(amountFen, FEN_PER_YUAN, 2);
}

/** Formats fen in 万元 (10,000 yuan), half to even: 2_750_000_000n → "2,750.00万元" … 27_500_000n → "27.50万元". */
export function formatFenAsWan(amountFen: bigint, decimals = 2): string {
  return `${formatScaled(amountFen, FEN_PER_WAN, decimals)}万元`;
}

/** Formats fen in 亿元 (100,000,000 yuan), half to even: 15_000_000_000n → "1.50亿元". */
export function formatFenAsYi(amountFen: bigint, decimals = 2): string {
  return `${formatScaled(amountFen, FEN_PER_YI, decimals)}亿元`;
}

/** Yuan as a JS number, for statistics and clustering features only — never for money arithmetic. */
export function fenToYuanNumber(amountFen: bigint): number {
  return Number(amountFen) / 100;
}

/** Exact yuan string with two decimals and no separators, for machine-readable outputs: 27500000n → "275000.00". */
export function fenToYuanString(amountFen: bigint): string {
  const isNegative = amountFen < 0n;
  const abs = isNegative ? -amountFen : amountFen;
  const fraction = (abs % 100n).toString().padStart(2, "0");
  return `${isNegative ? "-" : ""}${abs / 100n}.${fraction}`;
}
