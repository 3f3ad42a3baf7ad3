import { insertAuditRow, type RawQuery } from "@creditseg/db";
import type { Actor } from "../actor";

/** Audit actions the engine writes (the interface names each one; its catalogue test checks this list). */
export const ENGINE_AUDIT_ACTIONS = [
  "policy.draft_created",
  "policy.draft_updated",
  "policy.submitted",
  "policy.approved",
  "policy.rejected",
  "policy.retired",
  "run.started",
  "run.succeeded",
  "run.failed",
  "run.cancelled",
  "override.proposed",
  "override.confirmed",
  "override.approved",
  "override.rejected",
  "override.expired",
] as const;
export type EngineAuditAction = (typeof ENGINE_AUDIT_ACTIONS)[number];

export type EngineAuditEntry = {
  /** null for the system (e.g. expiring overrides, marking a dead worker's run failed). */
  actor: Actor | null;
  action: EngineAuditAction;
  entityType: "policy" | "segment_run" | "override";
  entityId: string | number;
  /** Ids, changed field names, codes and comments the user typed: never customer names or balances. */
  detail?: Record<string, unknown>;
};

/** Writes one audit row with `raw`, which should be the transaction making the change so both commit together. */
export async function writeAudit(raw: RawQuery, entry: EngineAuditEntry): Promise<void> {
  await insertAuditRow(raw, {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    detail: entry.detail ?? {},
    ip: entry.actor?.ip,
    userAgent: entry.actor?.userAgent,
  });
}
