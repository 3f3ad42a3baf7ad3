import { POLICY_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { cursorInput, integerIdInput, isCleanJson, pageSizeInput, periodInput, textInput } from "./common";

export const listPoliciesInput = z.object({
  statuses: z.array(z.enum(POLICY_STATUSES)).max(POLICY_STATUSES.length).optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export const policyByVersionInput = z.object({ version: integerIdInput });

/** A policy document as JSON: an object, validated by core's policy schema when it matters (update, submit, approve). */
const policyDocumentInput = z
  .record(textInput({ max: 200, min: 0, isTrimmed: false }), z.unknown())
  .refine(isCleanJson, "contains a control character (such as NUL) or nests too deeply");
const changeNoteInput = textInput({ max: 2_000, isMultiline: true });
const decisionCommentInput = textInput({ max: 2_000, isMultiline: true });
const isoDateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date looks like 2025-01-31");

export const createPolicyDraftInput = z.object({
  /** The version to copy; default the active one. */
  fromVersion: integerIdInput.optional(),
  name: textInput({ max: 200 }).optional(),
  changeNote: changeNoteInput.optional(),
});
export type CreatePolicyDraftInput = z.infer<typeof createPolicyDraftInput>;

export const updatePolicyDraftInput = z.object({
  version: integerIdInput,
  document: policyDocumentInput,
  name: textInput({ max: 200 }).optional(),
  changeNote: changeNoteInput.optional(),
});
export type UpdatePolicyDraftInput = z.infer<typeof updatePolicyDraftInput>;

export const validatePolicyInput = z.object({ document: policyDocumentInput });
export type ValidatePolicyInput = z.infer<typeof validatePolicyInput>;

export const diffPolicyInput = z.object({
  version: integerIdInput,
  againstVersion: integerIdInput.optional(),
});
export type DiffPolicyInput = z.infer<typeof diffPolicyInput>;

export const submitPolicyInput = z.object({
  version: integerIdInput,
  changeNote: changeNoteInput.optional(),
});
export type SubmitPolicyInput = z.infer<typeof submitPolicyInput>;

export const approvePolicyInput = z.object({
  version: integerIdInput,
  /** YYYY-MM-DD, today or earlier; default today. */
  effectiveFrom: isoDateInput.optional(),
  comment: decisionCommentInput.optional(),
});
export type ApprovePolicyInput = z.infer<typeof approvePolicyInput>;

export const rejectPolicyInput = z.object({ version: integerIdInput, comment: decisionCommentInput });
export type RejectPolicyInput = z.infer<typeof rejectPolicyInput>;

export const previewPolicyInput = z.object({ version: integerIdInput, period: periodInput });
export type PreviewPolicyInput = z.infer<typeof previewPolicyInput>;

/** A policy version as the workflow procedures return it. */
export const policyVersionOutput = z.object({
  version: z.number(),
  name: z.string(),
  status: z.enum(POLICY_STATUSES),
  basedOnVersion: z.number().nullable(),
  effectiveFrom: z.string().nullable(),
  changeNote: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  submittedBy: z.string().nullable(),
  submittedAt: z.date().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
  retiredAt: z.date().nullable(),
  document: z.unknown(),
});

/** A document check: valid or the offending fields, and what it changes against the active version. */
export const policyValidationOutput = z.object({
  isValid: z.boolean(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
