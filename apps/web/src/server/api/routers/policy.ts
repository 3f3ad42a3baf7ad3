import { diffPolicies, parsePolicy } from "@creditseg/core/policy";
import { findActivePolicyRow, findPolicyRow, listPolicyRows } from "@creditseg/db";
import {
  approvePolicyVersion,
  createPolicyDraft,
  diffPolicyVersion,
  previewRefusalOf,
  readPolicyPreview,
  rejectPolicyVersion,
  requestPolicyPreview,
  submitPolicyDraft,
  updatePolicyDraft,
} from "@creditseg/engine";
import { z } from "zod";
import { decodeIdCursor, toPage } from "../paging";
import { callDomain, engineErrorToTrpc } from "../domain-errors";
import { appError, notFound } from "../errors";
import {
  approvePolicyInput,
  createPolicyDraftInput,
  diffPolicyInput,
  listPoliciesInput,
  policyByVersionInput,
  policyValidationOutput,
  policyVersionOutput,
  previewPolicyInput,
  rejectPolicyInput,
  submitPolicyInput,
  updatePolicyDraftInput,
  validatePolicyInput,
} from "../schemas/policy";
import { createTRPCRouter, permissionProcedure } from "../trpc";
import { actorOf } from "./actor-of";

export const policyRouter = createTRPCRouter({
  /** Policy versions, newest first, without their documents. */
  list: permissionProcedure("policy.read")
    .input(listPoliciesInput)
    .query(async ({ ctx, input }) => {
      const rows = await listPolicyRows(ctx.db, {
        statuses: input.statuses,
        beforeVersion: input.cursor ? decodeIdCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: null, id: String(row.version) }));
    }),

  /** One version with its document. */
  byVersion: permissionProcedure("policy.read")
    .input(policyByVersionInput)
    .query(async ({ ctx, input }) => {
      const policy = await findPolicyRow(ctx.db, { version: input.version });
      if (!policy) throw notFound("POLICY_NOT_FOUND", "The policy version");
      return policy;
    }),

  /** The active version with its document; null before any policy is approved. */
  active: permissionProcedure("policy.read")
    .input(z.object({}).strict().optional())
    .query(async ({ ctx }) => {
      return findActivePolicyRow(ctx.db);
    }),

  /**
   * Creates a draft copied from a version (default the active one). The engine writes the audit row in the same
   * transaction, as for every workflow step below.
   */
  createDraft: permissionProcedure("policy.write")
    .input(createPolicyDraftInput)
    .output(policyVersionOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => createPolicyDraft(ctx.handle, { actor: actorOf(ctx), ...input }), "POLICY_NOT_FOUND"),
    ),

  /** Replaces a draft's document (validated: INVALID_POLICY names the field) and optionally its name and note. */
  update: permissionProcedure("policy.write")
    .input(updatePolicyDraftInput)
    .output(policyVersionOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => updatePolicyDraft(ctx.handle, { actor: actorOf(ctx), ...input }), "POLICY_NOT_FOUND"),
    ),

  /**
   * Checks a document being edited without storing it: every offending field, and the fields it changes against
   * the active version. A mutation only because a document can exceed what fits in a GET address; it writes nothing.
   */
  validate: permissionProcedure("policy.write")
    .input(validatePolicyInput)
    .output(policyValidationOutput)
    .mutation(async ({ ctx, input }) => {
      const parsed = parsePolicy(input.document);
      const active = await findActivePolicyRow(ctx.db);
      const changes = diffPolicies(active?.document ?? {}, input.document);
      return { isValid: parsed.ok, issues: parsed.ok ? [] : parsed.issues, changes };
    }),

  /** The fields a version changes against another (default the active version). */
  diff: permissionProcedure("policy.read")
    .input(diffPolicyInput)
    .query(({ ctx, input }) => callDomain(() => diffPolicyVersion(ctx.handle, input), "POLICY_NOT_FOUND")),

  /** Submits a draft for a second risk manager's decision. */
  submit: permissionProcedure("policy.write")
    .input(submitPolicyInput)
    .output(policyVersionOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => submitPolicyDraft(ctx.handle, { actor: actorOf(ctx), ...input }), "POLICY_NOT_FOUND"),
    ),

  /** Four eyes: a risk manager who neither wrote nor submitted the version makes it active; SELF_APPROVAL otherwise. */
  approve: permissionProcedure("policy.approve")
    .input(approvePolicyInput)
    .output(policyVersionOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => approvePolicyVersion(ctx.handle, { actor: actorOf(ctx), ...input }), "POLICY_NOT_FOUND"),
    ),

  /** Rejects a submitted version, saying why (four eyes as for approval). */
  reject: permissionProcedure("policy.approve")
    .input(rejectPolicyInput)
    .output(policyVersionOutput)
    .mutation(({ ctx, input }) =>
      callDomain(() => rejectPolicyVersion(ctx.handle, { actor: actorOf(ctx), ...input }), "POLICY_NOT_FOUND"),
    ),

  /**
   * Asks what a version would change if it were active, computed on a period's data without storing a run (tier and
   * grade transition matrices, contribution by tier, warnings that start or stop): a job, since it prices the period
   * twice — a worker computes it (on the embedded database, this process), and the page polls `previewJob`.
   */
  requestPreview: permissionProcedure("policy.write")
    .input(previewPolicyInput)
    .output(z.object({ id: z.string(), status: z.enum(["queued", "running", "succeeded", "failed"]) }))
    .mutation(async ({ ctx, input }) => {
      const job = await callDomain(
        () => requestPolicyPreview(ctx.handle, ctx.jobs, { actor: actorOf(ctx), ...input }),
        "POLICY_NOT_FOUND",
      );
      return { id: job.id, status: job.status };
    }),

  /**
   * One of the caller's previews: its status, then the impact. A preview the engine refused answers the engine's own
   * error (no data for the period, the version gone), as the page showed it before previews were jobs.
   */
  previewJob: permissionProcedure("policy.write")
    .input(z.object({ previewId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const job = await callDomain(
        () => readPolicyPreview(ctx.handle, { actor: actorOf(ctx), previewId: input.previewId }),
        "POLICY_NOT_FOUND",
      );
      if (!job) throw notFound("POLICY_NOT_FOUND", "The preview");
      if (job.failure) {
        const refusal = previewRefusalOf(job.failure);
        if (refusal) throw engineErrorToTrpc(refusal, "POLICY_NOT_FOUND");
        throw appError("INTERNAL_SERVER_ERROR", "PREVIEW_FAILED", "The impact preview failed. Please try again.");
      }
      return { id: job.id, status: job.status, impact: job.impact };
    }),
});
