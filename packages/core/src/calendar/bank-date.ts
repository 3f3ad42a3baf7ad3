/** The bank's time zone unless configured otherwise: business dates are Beijing dates. */
export const DEFAULT_BANK_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD; the time zone decides which calendar day `now` falls on.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The bank's business date (ISO `YYYY-MM-DD`) at instant `now` in `timeZone`. The one clock for "today":
 * approvals effective today, override expiry and a run's as-of date all use it, never the database's `current_date`.
 */
export function bankDate(now: Date, timeZone: string = DEFAULT_BANK_TIME_ZONE): string {
  const parts = formatterFor(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** True when `timeZone` is an IANA zone this runtime knows (for validating configuration). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `isoDate` moved by `days` calendar days (negative moves back). */
export function addDays(isoDate: string, days: number): string {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** `isoDate` moved by whole `years`; 29 February falls back to the 28th in a non-leap year. */
export function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  // Date.UTC rolls 29 February of a non-leap year over to 1 March: step back to the month's last day.
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The calendar-year period before bank date `today` (YYYY-MM-DD): the last closed year, what screens offer first. */
export function previousYearPeriod(today: string): string {
  return String(Number(today.slice(0, 4)) - 1);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
