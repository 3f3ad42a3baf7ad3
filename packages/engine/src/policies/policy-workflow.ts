import { bankToday, type Clock } from "../clock";
import { diffPolicies, isIsoDate, parsePolicy, type Policy, type PolicyChange } from "@creditseg/core";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import { writeAudit } from "../audit/write-audit";
import { EngineError } from "../errors/engine-error";
import { inTransaction } from "../transaction";
import { readActivePolicyVersion, readPolicyVersion, type PolicyVersion } from "./policy-queries";

/** Validates a policy document; INVALID_POLICY lists every offending field (`details`: `[{ path, message }]`). */
export function validatePolicyDocument(document: unknown): Policy {
  const parsed = parsePolicy(document);
  if (parsed.ok) return parsed.policy;
  const first = parsed.issues[0]!;
  const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : "";
  throw new EngineError("INVALID_POLICY", `Policy field ${first.path}: ${first.message}${more}.`, parsed.issues);
}

function assertStatus(policy: PolicyVersion, expected: PolicyVersion["status"], action: string): void {
  if (policy.status !== expected)
    throw new EngineError(
      "CONFLICT",
      `Policy version ${policy.version} is ${policy.status}; only a ${expected} version can be ${action}.`,
    );
}

/** A suffix earlier versions of the workflow appended to every draft's name, repeated once per generation. */
const DRAFT_SUFFIX = /(?:\s*\(draft \d+\))+$/;

/**
 * A new draft's default name: its source's name without draft suffixes, so names do not pile up
 * ("Default (draft 2) (draft 3)"); the version number and the status already tell drafts apart.
 */
export function draftNameOf(sourceName: string): string {
  return sourceName.replace(DRAFT_SUFFIX, "").trim() || sourceName;
}

/**
 * Creates a draft copied from a version (default: the active one). Needs `policy.write` (risk manager).
 * The new version number is the next free one; the table is locked briefly so two drafts never collide.
 */
export async function createPolicyDraft(
  handle: DbHandle,
  args: { actor: Actor; fromVersion?: number; name?: string; changeNote?: string },
): Promise<PolicyVersion> {
  assertPermission(args.actor, "policy.write");
  return inTransaction(handle, async (raw) => {
    const source =
      args.fromVersion !== undefined
        ? await readPolicyVersion(raw, args.fromVersion)
        : await readActivePolicyVersion(raw);
    if (!source)
      throw new EngineError("NO_ACTIVE_POLICY", "There is no active policy to copy; name the version to start from.");
    await raw("lock table policies in exclusive mode");
    const [next] = await raw<{ version: number }>("select coalesce(max(version), 0) + 1 as version from policies");
    const version = next!.version;
    await raw(
      `insert into policies (version, name, status, document, based_on_version, change_note, created_by)
       values ($1, $2, 'draft', $3::text::jsonb, $4, $5, $6)`,
      [
        version,
        args.name ?? draftNameOf(source.name),
        JSON.stringify(source.document),
        source.version,
        args.changeNote ?? null,
        args.actor.id,
      ],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "policy.draft_created",
      entityType: "policy",
      entityId: version,
      detail: { basedOnVersion: source.version },
    });
    return readPolicyVersion(raw, version);
  });
}

/**
 * Replaces a draft's document (validated by core's policy schema: INVALID_POLICY names the field) and optionally its
 * name and change note. Only drafts can change; a submitted version is frozen.
 */
export async function updatePolicyDraft(
  handle: DbHandle,
  args: { actor: Actor; version: number; document: unknown; name?: string; changeNote?: string },
): Promise<PolicyVersion> {
  assertPermission(args.actor, "policy.write");
  const policy = validatePolicyDocument(args.document);
  return inTransaction(handle, async (raw) => {
    const draft = await readPolicyVersion(raw, args.version, { isLocked: true });
    assertStatus(draft, "draft", "edited");
    await raw(
      "update policies set document = $2::text::jsonb, name = coalesce($3, name), change_note = coalesce($4, change_note) where version = $1",
      [args.version, JSON.stringify(policy), args.name ?? null, args.changeNote ?? null],
    );
    const changedFields = diffPolicies(draft.document, policy).map((c) => c.path);
    await writeAudit(raw, {
      actor: args.actor,
      action: "policy.draft_updated",
      entityType: "policy",
      entityId: args.version,
      detail: { changedFields },
    });
    return readPolicyVersion(raw, args.version);
  });
}

/** The leaf fields that differ between a version and another (default: the active version). */
export async function diffPolicyVersion(
  handle: DbHandle,
  args: { version: number; againstVersion?: number },
): Promise<{ version: number; againstVersion: number | null; changes: PolicyChange[] }> {
  const policy = await readPolicyVersion(handle.raw, args.version);
  const against =
    args.againstVersion !== undefined
      ? await readPolicyVersion(handle.raw, args.againstVersion)
      : await readActivePolicyVersion(handle.raw);
  return {
    version: args.version,
    againstVersion: against?.version ?? null,
    changes: diffPolicies(against?.document ?? {}, policy.document),
  };
}

/** Submits a draft for approval; its document must be a valid policy. */
export async function submitPolicyDraft(
  handle: DbHandle,
  args: { actor: Actor; version: number; changeNote?: string },
): Promise<PolicyVersion> {
  assertPermission(args.actor, "policy.write");
  return inTransaction(handle, async (raw) => {
    const draft = await readPolicyVersion(raw, args.version, { isLocked: true });
    assertStatus(draft, "draft", "submitted");
    validatePolicyDocument(draft.document);
    await raw(
      "update policies set status = 'submitted', submitted_by = $2, submitted_at = now(), change_note = coalesce($3, change_note) where version = $1",
      [args.version, args.actor.id, args.changeNote ?? null],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "policy.submitted",
      entityType: "policy",
      entityId: args.version,
      detail: { changeNote: args.changeNote ?? null },
    });
    return readPolicyVersion(raw, args.version);
  });
}

/** Four eyes: whoever created, edited or submitted a version may not decide it. */
async function assertNotAuthor(raw: RawQuery, policy: PolicyVersion, actor: Actor): Promise<void> {
  const [edit] = await raw<{ n: number }>(
    "select count(*)::int as n from audit_log where entity_type = 'policy' and entity_id = $1 and actor_id = $2 and action in ('policy.draft_created', 'policy.draft_updated', 'policy.submitted')",
    [String(policy.version), actor.id],
  );
  if (policy.submittedBy === actor.id || policy.createdBy === actor.id || (edit?.n ?? 0) > 0) {
    throw new EngineError(
      "SELF_APPROVAL",
      `You wrote or submitted policy version ${policy.version}; another risk manager must decide it (four eyes).`,
    );
  }
}

/**
 * Approves a submitted version (a risk manager other than its author and submitter): it becomes the active policy
 * from `effectiveFrom` (YYYY-MM-DD, default today, not in the future); the previous active version is retired, never deleted.
 */
export async function approvePolicyVersion(
  handle: DbHandle,
  args: {
    actor: Actor;
    version: number;
    effectiveFrom?: string;
    comment?: string;
    /** The instant "today" is judged at (default now); the bank date decides. */
    clock?: Clock;
  },
): Promise<PolicyVersion> {
  assertPermission(args.actor, "policy.approve");
  if (args.effectiveFrom !== undefined && !isIsoDate(args.effectiveFrom))
    throw new EngineError("INVALID_INPUT", `Effective date "${args.effectiveFrom}" is not a date (YYYY-MM-DD).`);
  return inTransaction(handle, async (raw) => {
    const policy = await readPolicyVersion(raw, args.version, { isLocked: true });
    assertStatus(policy, "submitted", "approved");
    await assertNotAuthor(raw, policy, args.actor);
    validatePolicyDocument(policy.document);
    const today = bankToday(args.clock);
    const effectiveFrom = args.effectiveFrom ?? today;
    if (effectiveFrom > today)
      throw new EngineError(
        "INVALID_INPUT",
        `The effective date ${effectiveFrom} is after today's bank date ${today}; approve the version on or after that day.`,
      );
    const retired = await raw<{ version: number }>(
      "update policies set status = 'retired', retired_at = now() where status = 'active' returning version",
    );
    for (const old of retired) {
      await writeAudit(raw, {
        actor: args.actor,
        action: "policy.retired",
        entityType: "policy",
        entityId: old.version,
        detail: { replacedBy: args.version },
      });
    }
    await raw(
      "update policies set status = 'active', decided_by = $2, decided_at = now(), decision_comment = $3, effective_from = $4 where version = $1",
      [args.version, args.actor.id, args.comment ?? null, effectiveFrom],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "policy.approved",
      entityType: "policy",
      entityId: args.version,
      detail: { effectiveFrom, comment: args.comment ?? null, retired: retired.map((r) => r.version) },
    });
    return readPolicyVersion(raw, args.version);
  });
}

/** Rejects a submitted version with a comment saying why (four eyes as for approval). */
export async function rejectPolicyVersion(
  handle: DbHandle,
  args: { actor: Actor; version: number; comment: string },
): Promise<PolicyVersion> {
  assertPermission(args.actor, "policy.approve");
  if (!args.comment.trim()) throw new EngineError("INVALID_INPUT", "Say why the policy version is rejected (comment).");
  return inTransaction(handle, async (raw) => {
    const policy = await readPolicyVersion(raw, args.version, { isLocked: true });
    assertStatus(policy, "submitted", "rejected");
    await assertNotAuthor(raw, policy, args.actor);
    await raw(
      "update policies set status = 'rejected', decided_by = $2, decided_at = now(), decision_comment = $3 where version = $1",
      [args.version, args.actor.id, args.comment],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "policy.rejected",
      entityType: "policy",
      entityId: args.version,
      detail: { comment: args.comment },
    });
    return readPolicyVersion(raw, args.version);
  });
}
