import { appendAuditRow, type DbOrTx } from "@creditseg/db";
import type { Role } from "@creditseg/core/constants";
import type { RequestMeta } from "../request-meta";

/**
 * Audit actions the web app writes; `detail` carries ids and changed field names only, never customer data.
 * Imports, rollbacks, policy steps, runs and overrides are audited by the ingest and engine packages themselves,
 * in the transaction of the change (`import.commit`, `policy.approved`, `run.started`, `override.proposed` …).
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.locked",
  "auth.sign_out",
  "auth.password_changed",
  "user.created",
  "user.updated",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "user.unlocked",
  "user.password_reset",
  "upload.mapping_saved",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { id: string; role: Role } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
  meta: RequestMeta;
};

/** Appends one audit row. Call it inside the transaction of the change so both commit or neither does. */
export async function writeAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await appendAuditRow(db, {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    detail: entry.detail ?? null,
    ip: entry.meta.ip,
    userAgent: entry.meta.userAgent,
  });
}
