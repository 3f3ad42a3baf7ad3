import { OVERRIDE_STATUSES } from "@creditseg/core/constants";
import { MAX_OVERRIDE_TERM_YEARS, bankDate, isIsoDate, latestOverrideExpiry } from "@creditseg/core/calendar";
import { z } from "zod";
import { businessIdInput, cursorInput, integerIdInput, pageSizeInput, runIdInput, textInput } from "./common";

export const listOverridesInput = z.object({
  statuses: z.array(z.enum(OVERRIDE_STATUSES)).max(OVERRIDE_STATUSES.length).optional(),
  customerId: businessIdInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListOverridesInput = z.infer<typeof listOverridesInput>;

const overrideFieldInput = z.enum(["tier", "grade"]);
const commentInput = textInput({ max: 2_000, isMultiline: true });

export const proposeOverrideInput = z.object({
  customerId: businessIdInput,
  field: overrideFieldInput,
  proposedValue: textInput({ max: 40 }),
  /** A short code such as `collateral_added` (letters, digits, underscores). */
  reasonCode: z.string().regex(/^[A-Za-z0-9_]{1,40}$/, "letters, digits or underscores, up to 40"),
  comment: commentInput,
  /** The run whose result is reviewed; default the customer's current run. */
  runId: runIdInput.optional(),
});
export type ProposeOverrideInput = z.infer<typeof proposeOverrideInput>;

export const confirmSegmentInput = z.object({
  customerId: businessIdInput,
  field: overrideFieldInput,
  comment: textInput({ max: 2_000, min: 0, isMultiline: true }).optional(),
  runId: runIdInput.optional(),
});
export type ConfirmSegmentInput = z.infer<typeof confirmSegmentInput>;

export const approveOverrideInput = z.object({
  overrideId: integerIdInput,
  comment: commentInput,
  /** Last day the override applies, YYYY-MM-DD, today or later. */
  expiresOn: z
    .string()
    .refine(isIsoDate, "a date looks like 2025-01-31")
    // The engine checks the full rule against its clock; this refuses a far-off date before any work.
    .refine((date) => date <= latestOverrideExpiry(bankDate(new Date())), {
      message: `an override applies for at most ${MAX_OVERRIDE_TERM_YEARS} years`,
    }),
});
export type ApproveOverrideInput = z.infer<typeof approveOverrideInput>;

export const rejectOverrideInput = z.object({ overrideId: integerIdInput, comment: commentInput });
export type RejectOverrideInput = z.infer<typeof rejectOverrideInput>;

export const overrideOutput = z.object({
  id: z.number(),
  customerId: z.string(),
  runId: z.number(),
  field: overrideFieldInput,
  computedValue: z.string(),
  proposedValue: z.string(),
  reasonCode: z.string(),
  comment: z.string(),
  status: z.enum(OVERRIDE_STATUSES),
  proposedBy: z.string(),
  proposedAt: z.date(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
