import { FEN_PER_YI, fenToYuanNumber, formatFenAsWan, formatFenAsYi, parseYuanToFen } from "@creditseg/core";
import { TIME_ZONE } from "./config";

const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** A calendar date as 2025-01-31 (bank time zone); date-only strings pass through unchanged. */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatDate(new Date(value));
  return Number.isNaN(value.getTime()) ? "—" : dateFormat.format(value);
}

/** A moment as 2025-01-31 14:05 (bank time zone). */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? "—" : `${dateFormat.format(date)} ${timeFormat.format(date)}`;
}

/** Locales whose money reads in 万元 / 亿元; every other locale reads in CNY millions. */
function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith("zh");
}

const YI_SUFFIX = /亿元$/;
const WAN_SUFFIX = /万元$/;

/** Fen as CNY millions, two decimals, half to even: 1 million yuan = 10^8 fen, and fen × 100 / 10^10 is exact. */
function formatFenAsMillions(amountFen: bigint): string {
  return formatFenAsYi(amountFen * 100n).replace(YI_SUFFIX, "");
}

/**
 * A money amount with its unit, in the reader's convention: zh-CN 万元, or 亿元 from one 亿 up
 * (`scale: "auto"`); English CNY millions ("CNY 27.50m"). Half to even, CNY grouping (core formatting).
 */
export function formatAmount(
  amountFen: bigint | null | undefined,
  locale: string,
  scale: "wan" | "yi" | "auto" = "auto",
): string {
  if (amountFen === null || amountFen === undefined) return "—";
  if (!isChinese(locale)) return `CNY ${formatFenAsMillions(amountFen)}m`;
  const abs = amountFen < 0n ? -amountFen : amountFen;
  const useYi = scale === "yi" || (scale === "auto" && abs >= FEN_PER_YI);
  return useYi ? formatFenAsYi(amountFen) : formatFenAsWan(amountFen);
}

/** The unit a table's money columns are in, for their headers: 万元, or CNY m. */
export function tableMoneyUnit(locale: string): string {
  return isChinese(locale) ? "万元" : "CNY m";
}

/** Fen as a plain number in the table unit (`tableMoneyUnit`), for cells whose header carries the unit. */
export function formatTableMoney(amountFen: bigint | null | undefined, locale: string): string {
  if (amountFen === null || amountFen === undefined) return "—";
  return isChinese(locale) ? formatFenAsWan(amountFen).replace(WAN_SUFFIX, "") : formatFenAsMillions(amountFen);
}

/** Yuan in one table unit: 1 万元 = 10,000 yuan, 1 CNY m = 1,000,000 yuan. */
function yuanPerTableUnit(locale: string): bigint {
  return isChinese(locale) ? 10_000n : 1_000_000n;
}

/**
 * A policy threshold typed in the table unit ("150.5" 万元 or CNY m) as whole yuan, exact (up to two decimals of
 * the unit, half to even beyond); null when the text is not a plain number.
 */
export function parseTableMoneyToYuan(text: string, locale: string): number | null {
  const hundredths = parseYuanToFen(text);
  return hundredths === null ? null : Number((hundredths * yuanPerTableUnit(locale)) / 100n);
}

/** A policy threshold in yuan, shown in the table unit for an input (display only). */
export function yuanToTableMoney(yuan: number, locale: string): number {
  return yuan / Number(yuanPerTableUnit(locale));
}

/** Fen → yuan as a JS number, for chart geometry only (never for money arithmetic). */
export function toChartYuan(amountFen: bigint): number {
  return fenToYuanNumber(amountFen);
}

const compact: Record<string, Intl.NumberFormat> = {};
function compactNumber(value: number, locale: string): string {
  compact[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return compact[locale].format(value);
}

/**
 * A chart axis tick from a yuan number: "800万" / "2.5亿" in Chinese, "8m" / "2.5bn" / "500k" in English, so a
 * tick never reads "251819000". Ticks are approximate by nature; exact figures sit in the table beside the chart.
 */
export function formatAxisMoney(yuan: number, locale: string): string {
  const abs = Math.abs(yuan);
  if (isChinese(locale)) {
    if (abs >= 1e8) return `${compactNumber(yuan / 1e8, locale)}亿`;
    if (abs >= 1e4) return `${compactNumber(yuan / 1e4, locale)}万`;
    return compactNumber(yuan, locale);
  }
  if (abs >= 1e9) return `${compactNumber(yuan / 1e9, locale)}bn`;
  if (abs >= 1e6) return `${compactNumber(yuan / 1e6, locale)}m`;
  if (abs >= 1e3) return `${compactNumber(yuan / 1e3, locale)}k`;
  return compactNumber(yuan, locale);
}

/** A chart tooltip's money from a yuan number, with its unit as `formatAmount` writes it (display only). */
export function formatChartMoney(yuan: number, locale: string): string {
  if (!Number.isFinite(yuan)) return "—";
  return formatAmount(BigInt(Math.round(yuan * 100)), locale);
}

/** The unit a money axis is in, for its label: 元 with 万 / 亿 ticks, or CNY. */
export function axisMoneyUnit(locale: string): string {
  return isChinese(locale) ? "元" : "CNY";
}

/** A percentage given as text ("3.807000") or number, to `decimals` places (two unless told): "3.81%". */
export function formatPct(value: string | number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? `${n.toFixed(decimals)}%` : "—";
}

/**
 * A rate an officer recomputes a figure from (account rate, FTP, margin): at least two and at most four decimals,
 * so 4.785 stays 4.785% and 3.807000 reads 3.807%, where the two-decimal display would hide the digit that counts.
 */
export function formatPctPrecise(value: string | number | null | undefined): string {
  const text = formatPct(value, 4);
  return text.replace(/(\.\d{2}\d*?)0+%$/, "$1%");
}

const counts: Record<string, Intl.NumberFormat> = {};
/** A whole count with grouping: 12,345. */
export function formatCount(value: number | null | undefined, locale = "zh-CN"): string {
  if (value === null || value === undefined) return "—";
  counts[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return counts[locale].format(value);
}
