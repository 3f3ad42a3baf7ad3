import { isCleanText } from "@creditseg/core";
import { isPeriodCode } from "@creditseg/core/calendar";
import { z } from "zod";

/**
 * The one schema for free text in procedure inputs (ids, names, searches, filters, comments): trimmed
 * unless `isTrimmed` is false, `min`..`max` characters, and refused (400 INVALID_INPUT) when it holds a
 * control character. Line breaks and tabs only where `isMultiline` (comments, notes).
 */
export function textInput(options: { max: number; min?: number; isMultiline?: boolean; isTrimmed?: boolean }) {
  const base = options.isTrimmed === false ? z.string() : z.string().trim();
  return base
    .min(options.min ?? 1)
    .max(options.max)
    .refine((text) => isCleanText(text, { isMultiline: options.isMultiline }), {
      message: options.isMultiline
        ? "contains a control character (such as NUL) that is not allowed"
        : "contains a control character, line break or tab that is not allowed",
    });
}

/** Nesting a JSON input may reach; a policy document needs four or five levels. */
const MAX_JSON_DEPTH = 20;

/** True when every string in a JSON value, keys included, is clean text (line breaks allowed) and nesting is bounded. */
export function isCleanJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (typeof value === "string") return isCleanText(value, { isMultiline: true });
  if (Array.isArray(value)) return value.every((item) => isCleanJson(item, depth + 1));
  if (value !== null && typeof value === "object")
    return Object.entries(value).every(([key, item]) => isCleanText(key) && isCleanJson(item, depth + 1));
  return true;
}

/** Largest page a list returns: keeps responses small and queries bounded. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const pageSizeInput = z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);
/** Opaque keyset cursor from the previous page's `nextCursor`. */
export const cursorInput = textInput({ max: 512, min: 0, isTrimmed: false }).nullish();
/** A reporting period such as "2025", "2025Q2" or "2025-06": core's one period syntax, as imports and the CLI read it. */
export const periodInput = z.string().refine(isPeriodCode, "a period looks like 2025, 2025Q2 or 2025-06");
/** Largest value of PostgreSQL's integer, the type of run ids, override ids and policy versions. */
export const MAX_INTEGER_ID = 2_147_483_647;
/** A row id of an integer column: a larger number would fail in the database rather than match nothing. */
export const integerIdInput = z.number().int().positive().max(MAX_INTEGER_ID);
export const runIdInput = integerIdInput;
/** Bank identifiers (customer, loan, account, project ids): printable, bounded. */
export const businessIdInput = textInput({ max: 64 });
export const shortTextInput = textInput({ max: 100 });
export const sortDirectionInput = z.enum(["asc", "desc"]).default("desc");

/** Which run a read is about: an explicit run, the current run of a period, or the latest current run. */
export const runSelectorInput = z.object({ runId: runIdInput.optional(), period: periodInput.optional() });
export type RunSelectorInput = z.infer<typeof runSelectorInput>;
