import { z } from "zod";

/** How long a period runs: a calendar year, quarter or month. */
export type PeriodKind = "year" | "quarter" | "month";

/** A reporting period (考核期) as every layer reads it: its code and its inclusive date range. */
export type Period = {
  /** The code users type and runs store: `2025`, `2025Q2` or `2025-06`. */
  code: string;
  kind: PeriodKind;
  /** First day, ISO `YYYY-MM-DD`. */
  start: string;
  /** Last day (inclusive), ISO `YYYY-MM-DD`. */
  end: string;
  /** Calendar days in the period (365 / 366 for a year). */
  days: number;
};

/** Years a period may name: wide enough for any history a bank loads, narrow enough to catch typos such as 20250. */
export const PERIOD_YEAR_MIN = 1990;
export const PERIOD_YEAR_MAX = 2100;

const PERIOD_PATTERN = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

const MS_PER_DAY = 86_400_000;

function isoOf(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/**
 * Parses a period code — `2025` (year), `2025Q2` (quarter) or `2025-06` (month) — into its date range;
 * null when the text is not a period. The one definition of period syntax: imports, runs, the CLI and the web call it.
 */
export function parsePeriod(text: string): Period | null {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < PERIOD_YEAR_MIN || year > PERIOD_YEAR_MAX) return null;
  const [kind, firstMonth, monthCount]: [PeriodKind, number, number] = match[2]
    ? ["quarter", (Number(match[2]) - 1) * 3, 3]
    : match[3]
      ? ["month", Number(match[3]) - 1, 1]
      : ["year", 0, 12];
  const startMs = Date.UTC(year, firstMonth, 1);
  const nextStartMs = Date.UTC(year, firstMonth + monthCount, 1);
  return {
    code: text,
    kind,
    start: isoOf(year, firstMonth, 1),
    end: isoOf(year, firstMonth + monthCount, 0),
    days: Math.round((nextStartMs - startMs) / MS_PER_DAY),
  };
}

/** True when `text` is a period code `parsePeriod` accepts. */
export function isPeriodCode(text: string): boolean {
  return parsePeriod(text) !== null;
}

/** The zod schema of a period code, for tRPC inputs, CLI options and policy files; the issue code is `period.invalid`. */
export const periodCodeSchema = z.string().refine(isPeriodCode, { error: "period.invalid" });
