import { FEN_PER_YI, formatFenAsWan, formatFenAsYi } from "@creditseg/core";
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

/** Fen as 万元, or as 亿元 from one 亿 up (`scale: "auto"`), CNY grouping, half to even (core formatting). */
export function formatAmount(amountFen: bigint | null | undefined, scale: "wan" | "yi" | "auto" = "auto"): string {
  if (amountFen === null || amountFen === undefined) return "—";
  const abs = amountFen < 0n ? -amountFen : amountFen;
  const useYi = scale === "yi" || (scale === "auto" && abs >= FEN_PER_YI);
  return useYi ? formatFenAsYi(amountFen) : formatFenAsWan(amountFen);
}

/** Fen as a plain 万元 number for tables whose header carries the unit. */
export function formatWanNumber(amountFen: bigint | null | undefined): string {
  if (amountFen === null || amountFen === undefined) return "—";
  return formatFenAsWan(amountFen).replace(/万元$/, "");
}

/** Fen → 万元 as a JS number, for chart geometry only (never for money arithmetic). */
export function toWanNumber(amountFen: bigint): number {
  return Number(amountFen / 100n) / 10_000;
}

/** A percentage given as text ("1.53") or number; one or two decimals as given. */
export function formatPct(value: string | number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? `${n.toFixed(decimals)}%` : "—";
}

const counts: Record<string, Intl.NumberFormat> = {};
/** A whole count with grouping: 12,345. */
export function formatCount(value: number | null | undefined, locale = "zh-CN"): string {
  if (value === null || value === undefined) return "—";
  counts[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return counts[locale].format(value);
}
