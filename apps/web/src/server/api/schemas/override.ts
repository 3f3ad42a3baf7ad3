import { OVERRIDE_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { businessIdInput, cursorInput, pageSizeInput, runIdInput } from "./common";

export const listOverridesInput = z.object({
  statuses: z.array(z.enum(OVERRIDE_STATUSES)).max(OVERRIDE_STATUSES.length).optional(),
  customerId: businessIdInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListOverridesInput = z.infer<typeof listOverridesInput>;

const overrideFieldInput = z.enum(["tier", "grade"]);
const commentInput = z.string().trim().min(1).max(2_000);

export const proposeOverrideInput = z.object({
  customerId: businessIdInput,
  field: overrideFieldInput,
  proposedValue: z.string().trim().min(1).max(40),
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
  comment: z.string().trim().max(2_000).optional(),
  runId: runIdInput.optional(),
});
export type ConfirmSegmentInput = z.infer<typeof confirmSegmentInput>;

export const approveOverrideInput = z.object({
  overrideId: z.number().int().positive(),
  comment: commentInput,
  /** Last day the override applies, YYYY-MM-DD, today or later. */
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date looks like 2025-01-31"),
});
export type ApproveOverrideInput = z.infer<typeof approveOverrideInput>;

export const rejectOverrideInput = z.object({ overrideId: z.number().int().positive(), comment: commentInput });
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
