import type { Period } from "@creditseg/core/calendar";
import { z } from "zod";
import { FEN_MAX, FEN_MIN } from "../values/db-bounds";
import { findForbiddenCharacter } from "../values/text-characters";

/**
 * Text starting with = + - @ (or a tab / carriage return) is run as a formula when the data is opened
 * in a spreadsheet (e.g. `=HYPERLINK(...)`). Such cells are rejected, not rewritten: the stored
 * value stays exactly what the bank's system holds, and the admin fixes the source.
 */
export const FORMULA_PREFIX = /^[=+\-@\t\r]/;

/** Required text: non-empty, bounded, no formula prefix, no NUL / control / bidi characters. Messages are reason codes. */
export const safeText = (maxLength = 200) =>
  z
    .string()
    .min(1, { error: "missing_value" })
    .max(maxLength, { error: "text_too_long" })
    .refine((text) => !FORMULA_PREFIX.test(text), { error: "formula_injection" })
    .superRefine((text, ctx) => {
      const code = findForbiddenCharacter(text);
      if (code) ctx.addIssue({ code: "custom", message: code });
    });

/** Optional text: null when empty. */
export const optionalSafeText = (maxLength = 200) => safeText(maxLength).nullable();

/** Money in fen, within a bigint column. */
export const fenInRange = () =>
  z.bigint().min(FEN_MIN, { error: "amount_out_of_range" }).max(FEN_MAX, { error: "amount_out_of_range" });

/** Money in fen, never negative, within a bigint column. */
export const nonNegativeFen = () =>
  z.bigint().min(0n, { error: "negative_amount" }).max(FEN_MAX, { error: "amount_out_of_range" });

/** Annual percent as an exact decimal string within [min, max] (range compare only, no arithmetic). */
export const ratePctInRange = (min: number, max: number) =>
  z.string().refine((rate) => Number(rate) >= min && Number(rate) <= max, { error: "rate_out_of_range" });

export const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalid_date" });

export const intInRange = (min: number, max: number) =>
  z
    .number()
    .int({ error: "invalid_integer" })
    .min(min, { error: "value_out_of_range" })
    .max(max, { error: "value_out_of_range" });

/** Days one period may count: its calendar days, or the 30/360 convention's 360 / 90 / 30 when more (February). */
export function periodDaysAllowance(period: Period): number {
  const conventional = period.kind === "year" ? 360 : period.kind === "quarter" ? 90 : 30;
  return Math.max(period.days, conventional);
}

/** Calendar days from `start` to `end` inclusive (ISO dates). */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}
