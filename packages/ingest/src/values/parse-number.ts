import { type AmountUnit, type CellParse, type CellValue, failed, parsed } from "./cell";
import { INT4_MAX, INT4_MIN, isFenInRange, RATE_WHOLE_DIGITS, RATIO_WHOLE_DIGITS } from "./db-bounds";

/** Decimal places to shift a yuan figure by to get fen, per unit: 元 2, 万元 6, 亿元 10. */
const FEN_EXPONENT: Record<AmountUnit, number> = { yuan: 2, wan: 6, yi: 10 };
const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** Strips what banks put around numbers: spaces, thousands separators (also full-width), ¥ signs. */
function cleanNumberText(text: string): { text: string; isParenthesisedNegative: boolean } {
  let cleaned = text.trim().replace(/[\s,，_¥￥]/g, "");
  const isParenthesisedNegative = /^\(.*\)$/.test(cleaned) || /^（.*）$/.test(cleaned);
  if (isParenthesisedNegative) cleaned = cleaned.slice(1, -1);
  return { text: cleaned, isParenthesisedNegative };
}

/** A JS number from an XLSX cell as its shortest decimal text (0.1 + 0.2 style noise is the file's own). */
function numberToText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}

/**
 * Parses an amount into integer fen, exactly (bigint arithmetic, no floats): "1,234.56" 元 → 123456n,
 * "12.5" 万元 → 12_500_000n. A cell ending in 万元/元/亿元 uses that unit; "(1,000)" is negative.
 * Digits beyond a fen round half to even.
 */
export function parseAmountFen(cell: CellValue, unit: AmountUnit): CellParse<bigint> {
  const raw = typeof cell === "number" ? numberToText(cell) : typeof cell === "string" ? cell : null;
  if (raw === null) return failed("invalid_number");
  const cleaned = cleanNumberText(raw);
  const { isParenthesisedNegative } = cleaned;
  let text = cleaned.text;
  let cellUnit = unit;
  const unitMatch = /(亿元|万元|元)$/.exec(text);
  if (unitMatch) {
    cellUnit = unitMatch[1] === "亿元" ? "yi" : unitMatch[1] === "万元" ? "wan" : "yuan";
    text = text.slice(0, -unitMatch[1]!.length);
  }
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return failed("invalid_number");
  const exponent = FEN_EXPONENT[cellUnit];
  const fraction = match[3] ?? "";
  const kept = fraction.slice(0, exponent).padEnd(exponent, "0");
  const dropped = fraction.slice(exponent);
  let fen = BigInt(match[2]!) * 10n ** BigInt(exponent) + BigInt(kept === "" ? "0" : kept);
  if (dropped.length > 0 && /[1-9]/.test(dropped)) {
    const half = "5".padEnd(dropped.length, "0");
    if (dropped > half || (dropped === half && fen % 2n === 1n)) fen += 1n;
  }
  const isNegative = (match[1] === "-") !== isParenthesisedNegative;
  const signed = isNegative && fen !== 0n ? -fen : fen;
  return isFenInRange(signed) ? parsed(signed) : failed("amount_out_of_range");
}

/** Decimal places a rate may carry: the numeric(9, 6) column. */
const RATE_MAX_DECIMALS = 6;

/**
 * Parses an annual percent rate to an exact decimal string: "4.35", "4.35%", "4.350" → "4.35".
 * Range checks live in the row schemas, so the API shares them.
 */
export function parseRatePct(cell: CellValue): CellParse<string> {
  const raw = typeof cell === "number" ? numberToText(cell) : typeof cell === "string" ? cell : null;
  if (raw === null) return failed("invalid_number");
  const text = raw
    .trim()
    .replace(/[\s,]/g, "")
    .replace(/[%％]$/, "");
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return failed("invalid_number");
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > RATE_MAX_DECIMALS) return failed("invalid_number", { decimals: RATE_MAX_DECIMALS });
  const whole = match[2]!.replace(/^0+(?=\d)/, "");
  if (whole.length > RATE_WHOLE_DIGITS) return failed("rate_out_of_range");
  const sign = match[1] === "-" && (whole !== "0" || fraction !== "") ? "-" : "";
  return parsed(`${sign}${whole}${fraction ? `.${fraction}` : ""}`);
}

/** A plain decimal (financial ratios): "65.2", "65.2%", "1,234.5" → exact string. */
export function parseDecimal(cell: CellValue): CellParse<string> {
  const raw = typeof cell === "number" ? numberToText(cell) : typeof cell === "string" ? cell : null;
  if (raw === null) return failed("invalid_number");
  const text = raw
    .trim()
    .replace(/[\s,，]/g, "")
    .replace(/[%％]$/, "");
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return failed("invalid_number");
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > 4) return failed("invalid_number", { decimals: 4 });
  const whole = match[2]!.replace(/^0+(?=\d)/, "");
  if (whole.length > RATIO_WHOLE_DIGITS) return failed("value_out_of_range");
  return parsed(`${match[1] === "-" ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`);
}

/** Whole numbers (months, days, counts) within an integer column: "12", "1,200", 12 from XLSX; "12.5" is rejected. */
export function parseInteger(cell: CellValue): CellParse<number> {
  if (typeof cell === "number") return Number.isInteger(cell) ? inInt4(cell) : failed("invalid_integer");
  if (typeof cell !== "string") return failed("invalid_integer");
  const text = cell
    .trim()
    .replace(/[\s,，]/g, "")
    .replace(/\.0+$/, "");
  if (!/^[+-]?\d+$/.test(text)) return failed("invalid_integer");
  return inInt4(Number(text));
}

function inInt4(value: number): CellParse<number> {
  return value >= INT4_MIN && value <= INT4_MAX ? parsed(value) : failed("value_out_of_range");
}
