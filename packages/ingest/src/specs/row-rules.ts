import { z } from "zod";

/**
 * Text starting with = + - @ (or a tab / carriage return) is run as a formula when the data is opened
 * in a spreadsheet (e.g. `=HYPERLINK(...)`). Such cells are rejected, not rewritten: the stored
 * value stays exactly what the bank's system holds, and the admin fixes the source.
 */
export const FORMULA_PREFIX = /^[=+\-@\t\r]/;

/** Required text: non-empty, bounded, no formula prefix. Messages are reason codes. */
export const safeText = (maxLength = 200) =>
  z
    .string()
    .min(1, { error: "missing_value" })
    .max(maxLength, { error: "text_too_long" })
    .refine((text) => !FORMULA_PREFIX.test(text), { error: "formula_injection" });

/** Optional text: null when empty. */
export const optionalSafeText = (maxLength = 200) => safeText(maxLength).nullable();

/** Money in fen, never negative. */
export const nonNegativeFen = () => z.bigint().min(0n, { error: "negative_amount" });

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
