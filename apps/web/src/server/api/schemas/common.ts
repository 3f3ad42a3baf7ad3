import { z } from "zod";

/** Largest page a list returns: keeps responses small and queries bounded. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const pageSizeInput = z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE);
/** Opaque keyset cursor from the previous page's `nextCursor`. */
export const cursorInput = z.string().max(512).nullish();
/** A reporting period such as "2025" or "2025-06". */
export const periodInput = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "a period looks like 2025 or 2025-06");
export const runIdInput = z.number().int().positive();
/** Bank identifiers (customer, loan, account, project ids): printable, bounded. */
export const businessIdInput = z.string().trim().min(1).max(64);
export const shortTextInput = z.string().trim().min(1).max(100);
export const sortDirectionInput = z.enum(["asc", "desc"]).default("desc");

/** Which run a read is about: an explicit run, the current run of a period, or the latest current run. */
export const runSelectorInput = z.object({ runId: runIdInput.optional(), period: periodInput.optional() });
export type RunSelectorInput = z.infer<typeof runSelectorInput>;
