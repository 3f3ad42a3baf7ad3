import { bankToday, type Clock } from "../clock";
import {
  GRADES,
  checkOverrideExpiry,
  isIsoDate,
  parsePolicy,
  type OverrideExpiryProblem,
  type OverrideStatus,
} from "@creditseg/core";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { assertPermission, type Actor } from "../actor";
import { writeAudit } from "../audit/write-audit";
import { EngineError } from "../errors/engine-error";
import { readPolicyVersion } from "../policies/policy-queries";
import { inTransaction } from "../transaction";

export type OverrideField = "tier" | "grade";

export type Override = {
  id: number;
  customerId: string;
  runId: number;
  field: OverrideField;
  computedValue: string;
  proposedValue: string;
  reasonCode: string;
  comment: string;
  status: OverrideStatus;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  /** Last day an approved override applies, YYYY-MM-DD (inclusive). */
  expiresOn: string | null;
};

type OverrideRow = {
  id: number;
  customer_id: string;
  run_id: number;
  field: OverrideField;
  computed_value: string;
  proposed_value: string;
  reason_code: string;
  comment: string;
  status: OverrideStatus;
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  expires_on: string | null;
};

const COLUMNS = `id, customer_id, run_id, field, computed_value, proposed_value, reason_code, comment, status::text as status, proposed_by, proposed_at,
  decided_by, decided_at, decision_comment, expires_on::text as expires_on`;

const toOverride = (r: OverrideRow): Override => ({
  id: r.id,
  customerId: r.customer_id,
  runId: r.run_id,
  field: r.field,
  computedValue: r.computed_value,
  proposedValue: r.proposed_value,
  reasonCode: r.reason_code,
  comment: r.comment,
  status: r.status,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionComment: r.decision_comment,
  expiresOn: r.expires_on,
});

async function readOverride(raw: RawQuery, id: number, isLocked = false): Promise<Override> {
  const [row] = await raw<OverrideRow>(
    `select ${COLUMNS} from overrides where id = $1${isLocked ? " for update" : ""}`,
    [id],
  );
  if (!row) throw new EngineError("NOT_FOUND", `Override ${id} does not exist.`);
  return toOverride(row);
}

/** One override; NOT_FOUND when it does not exist. */
export function getOverride(handle: DbHandle, args: { overrideId: number }): Promise<Override> {
  return readOverride(handle.raw, args.overrideId);
}

/** Overrides of a customer or of some statuses, newest first; `officerCode` limits them to that officer's customers. */
export async function listOverrides(
  handle: DbHandle,
  args: { customerId?: string; statuses?: readonly OverrideStatus[]; officerCode?: string; limit?: number } = {},
): Promise<Override[]> {
  const rows = await handle.raw<OverrideRow>(
    `select ${COLUMNS} from overrides
      where ($1::text is null or customer_id = $1) and ($2::text::jsonb is null or status::text in (select jsonb_array_elements_text($2::text::jsonb)))
        and ($3::text is null or customer_id in (select customer_id from customers where officer = $3))
      order by id desc limit $4`,
    [
      args.customerId ?? null,
      args.statuses?.length ? JSON.stringify(args.statuses) : null,
      args.officerCode ?? null,
      args.limit ?? 200,
    ],
  );
  return rows.map(toOverride);
}

/** The reviewing officer's customer, in scope (the customer's officer is the actor's staff code), else NOT_FOUND (no hint it exists). */
async function assertOwnCustomer(raw: RawQuery, actor: Actor, customerId: string): Promise<void> {
  const [row] = await raw<{ officer: string; officer_code: string | null }>(
    "select c.officer, u.officer_code from customers c cross join (select officer_code from users where id = $2) u where c.customer_id = $1",
    [customerId, actor.id],
  );
  if (!row || row.officer_code === null || row.officer !== row.officer_code)
    throw new EngineError("NOT_FOUND", `Customer ${customerId} is not among your customers.`);
}

/** The result being reviewed: a named finished run, else the current run holding the customer. */
async function readReviewedResult(raw: RawQuery, customerId: string, runId: number | undefined) {
  const [row] = await raw<{ run_id: number; tier: string; grade: string; policy_version: number }>(
    `select r.run_id, r.tier, r.grade::text as grade, s.policy_version from segment_results r join segment_runs s on s.id = r.run_id
      where r.customer_id = $1 and s.status = 'succeeded' and ($2::int is null and s.is_current or r.run_id = $2)
      order by s.period desc limit 1`,
    [customerId, runId ?? null],
  );
  if (!row)
    throw new EngineError(
      "NOT_FOUND",
      `Customer ${customerId} has no segment result${runId !== undefined ? ` in run ${runId}` : " yet"}.`,
    );
  return row;
}

async function assertValidValue(
  raw: RawQuery,
  field: OverrideField,
  value: string,
  policyVersion: number,
): Promise<void> {
  if (field === "grade") {
    if (!(GRADES as readonly string[]).includes(value))
      throw new EngineError("INVALID_INPUT", `"${value}" is not a grade; use one of ${GRADES.join(", ")}.`);
    return;
  }
  const parsed = parsePolicy((await readPolicyVersion(raw, policyVersion)).document);
  const tiers = parsed.ok ? parsed.policy.tiers.map((t) => t.name) : [];
  if (!tiers.includes(value))
    throw new EngineError("INVALID_INPUT", `"${value}" is not a tier of the policy; use one of ${tiers.join(", ")}.`);
}

function assertField(field: string): asserts field is OverrideField {
  if (field !== "tier" && field !== "grade")
    throw new EngineError("INVALID_INPUT", `An override changes "tier" or "grade", not "${field}".`);
}

export type ProposeOverrideArgs = {
  actor: Actor;
  customerId: string;
  field: OverrideField;
  proposedValue: string;
  /** A short code such as `collateral_added` or `group_support` (letters, digits, underscores). */
  reasonCode: string;
  comment: string;
  /** The run whose result is reviewed; default the customer's current run. */
  runId?: number;
};

/** A credit officer proposes another tier or grade for one of their own customers, with a reason; a risk manager decides. */
export async function proposeOverride(handle: DbHandle, args: ProposeOverrideArgs): Promise<Override> {
  assertPermission(args.actor, "override.propose");
  assertField(args.field);
  if (!/^[A-Za-z0-9_]{1,40}$/.test(args.reasonCode))
    throw new EngineError("INVALID_INPUT", "The reason code must be 1–40 letters, digits or underscores.");
  if (!args.comment.trim() || args.comment.length > 2_000)
    throw new EngineError("INVALID_INPUT", "Explain the proposal in a comment (up to 2,000 characters).");
  return inTransaction(handle, async (raw) => {
    await assertOwnCustomer(raw, args.actor, args.customerId);
    const result = await readReviewedResult(raw, args.customerId, args.runId);
    const computed = args.field === "tier" ? result.tier : result.grade;
    if (args.proposedValue === computed)
      throw new EngineError(
        "OVERRIDE_UNCHANGED",
        `The ${args.field} is already ${computed}; confirm it instead of proposing it.`,
      );
    await assertValidValue(raw, args.field, args.proposedValue, result.policy_version);
    const [pending] = await raw<{ id: number }>(
      "select id from overrides where customer_id = $1 and field = $2 and status = 'proposed'",
      [args.customerId, args.field],
    );
    if (pending)
      throw new EngineError(
        "OVERRIDE_PENDING",
        `Override ${pending.id} on this customer's ${args.field} is still awaiting a decision.`,
      );
    const [row] = await raw<{ id: number }>(
      `insert into overrides (customer_id, run_id, field, computed_value, proposed_value, reason_code, comment, status, proposed_by)
       values ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8) returning id`,
      [
        args.customerId,
        result.run_id,
        args.field,
        computed,
        args.proposedValue,
        args.reasonCode,
        args.comment,
        args.actor.id,
      ],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "override.proposed",
      entityType: "override",
      entityId: row!.id,
      detail: { customerId: args.customerId, runId: result.run_id, field: args.field, reasonCode: args.reasonCode },
    });
    return readOverride(raw, row!.id);
  });
}

/**
 * A credit officer confirms the computed tier or grade of their customer. Recorded (and audited) as an approved
 * override that changes nothing, so it is never carried into later runs as a decision.
 */
export async function confirmSegment(
  handle: DbHandle,
  args: { actor: Actor; customerId: string; field: OverrideField; comment?: string; runId?: number },
): Promise<Override> {
  assertPermission(args.actor, "override.propose");
  assertField(args.field);
  return inTransaction(handle, async (raw) => {
    await assertOwnCustomer(raw, args.actor, args.customerId);
    const result = await readReviewedResult(raw, args.customerId, args.runId);
    const computed = args.field === "tier" ? result.tier : result.grade;
    const [row] = await raw<{ id: number }>(
      `insert into overrides (customer_id, run_id, field, computed_value, proposed_value, reason_code, comment, status, proposed_by, decided_at)
       values ($1, $2, $3, $4, $4, 'confirmed', $5, 'approved', $6, now()) returning id`,
      [args.customerId, result.run_id, args.field, computed, args.comment ?? "", args.actor.id],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "override.confirmed",
      entityType: "override",
      entityId: row!.id,
      detail: { customerId: args.customerId, runId: result.run_id, field: args.field },
    });
    return readOverride(raw, row!.id);
  });
}

async function lockProposed(raw: RawQuery, actor: Actor, overrideId: number): Promise<Override> {
  const override = await readOverride(raw, overrideId, true);
  if (override.status !== "proposed")
    throw new EngineError("CONFLICT", `Override ${overrideId} is already ${override.status}.`);
  if (override.proposedBy === actor.id)
    throw new EngineError(
      "SELF_APPROVAL",
      "You proposed this override; another risk manager must decide it (four eyes).",
    );
  return override;
}

function expiryError(problem: OverrideExpiryProblem): EngineError {
  switch (problem.code) {
    case "override.expiry.not_a_date":
      return new EngineError("INVALID_INPUT", `Expiry date "${problem.params.expiresOn}" is not a date (YYYY-MM-DD).`);
    case "override.expiry.passed":
      return new EngineError(
        "INVALID_INPUT",
        `The expiry date ${problem.params.expiresOn} has already passed (today's bank date is ${problem.params.today}).`,
      );
    case "override.expiry.too_late":
      return new EngineError(
        "INVALID_INPUT",
        `An override may apply for at most ${problem.params.maxYears} years: the expiry date ${problem.params.expiresOn} is after ${problem.params.latest}.`,
      );
  }
}

/**
 * A risk manager other than the proposer approves a proposal, with a comment and the last day it applies
 * (YYYY-MM-DD, today or later, at most MAX_OVERRIDE_TERM_YEARS ahead). Until then it is carried into every run's results; an earlier approved override
 * of the same customer and field is superseded (marked expired).
 */
export async function approveOverride(
  handle: DbHandle,
  args: {
    actor: Actor;
    overrideId: number;
    comment: string;
    expiresOn: string;
    /** The instant "today" is judged at (default now); the bank date decides. */
    clock?: Clock;
  },
): Promise<Override> {
  assertPermission(args.actor, "override.decide");
  if (!args.comment.trim()) throw new EngineError("INVALID_INPUT", "Add a comment to the decision.");
  if (!isIsoDate(args.expiresOn)) throw expiryError({ code: "override.expiry.not_a_date", params: args });
  return inTransaction(handle, async (raw) => {
    const override = await lockProposed(raw, args.actor, args.overrideId);
    const today = bankToday(args.clock);
    const problem = checkOverrideExpiry(args.expiresOn, today);
    if (problem) throw expiryError(problem);
    const superseded = await raw<{ id: number }>(
      "update overrides set status = 'expired' where customer_id = $1 and field = $2 and status = 'approved' and proposed_value <> computed_value and id <> $3 returning id",
      [override.customerId, override.field, override.id],
    );
    for (const old of superseded)
      await writeAudit(raw, {
        actor: args.actor,
        action: "override.expired",
        entityType: "override",
        entityId: old.id,
        detail: { supersededBy: override.id },
      });
    await raw(
      "update overrides set status = 'approved', decided_by = $2, decided_at = now(), decision_comment = $3, expires_on = $4 where id = $1",
      [override.id, args.actor.id, args.comment, args.expiresOn],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "override.approved",
      entityType: "override",
      entityId: override.id,
      detail: {
        customerId: override.customerId,
        field: override.field,
        expiresOn: args.expiresOn,
        comment: args.comment,
      },
    });
    return readOverride(raw, override.id);
  });
}

/** A risk manager other than the proposer rejects a proposal, saying why. */
export async function rejectOverride(
  handle: DbHandle,
  args: { actor: Actor; overrideId: number; comment: string },
): Promise<Override> {
  assertPermission(args.actor, "override.decide");
  if (!args.comment.trim()) throw new EngineError("INVALID_INPUT", "Say why the override is rejected (comment).");
  return inTransaction(handle, async (raw) => {
    const override = await lockProposed(raw, args.actor, args.overrideId);
    await raw(
      "update overrides set status = 'rejected', decided_by = $2, decided_at = now(), decision_comment = $3 where id = $1",
      [override.id, args.actor.id, args.comment],
    );
    await writeAudit(raw, {
      actor: args.actor,
      action: "override.rejected",
      entityType: "override",
      entityId: override.id,
      detail: { customerId: override.customerId, field: override.field, comment: args.comment },
    });
    return readOverride(raw, override.id);
  });
}

/**
 * Marks expired every approved override whose last day is before `asOf` (default today's bank date); audited as the
 * system. Returns the ids.
 */
export async function expireOverrides(
  handle: DbHandle,
  args: { asOf?: string; clock?: Clock } = {},
): Promise<number[]> {
  if (args.asOf !== undefined && !isIsoDate(args.asOf))
    throw new EngineError("INVALID_INPUT", `"${args.asOf}" is not a date (YYYY-MM-DD).`);
  const asOf = args.asOf ?? bankToday(args.clock);
  return inTransaction(handle, async (raw) => {
    const rows = await raw<{ id: number }>(
      "update overrides set status = 'expired' where status = 'approved' and expires_on is not null and expires_on < $1::date returning id",
      [asOf],
    );
    for (const row of rows)
      await writeAudit(raw, {
        actor: null,
        action: "override.expired",
        entityType: "override",
        entityId: row.id,
        detail: { reason: "expiry_date_passed" },
      });
    return rows.map((r) => r.id).sort((a, b) => a - b);
  });
}
