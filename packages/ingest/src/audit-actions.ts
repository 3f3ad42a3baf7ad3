import { insertAuditRow, type RawQuery } from "@creditseg/db";
import type { Actor } from "./commit/actor";

/** Audit actions the import package writes, in the transaction of the change (the interface names each one). */
export const INGEST_AUDIT_ACTIONS = ["import.commit", "import.rollback"] as const;
export type IngestAuditAction = (typeof INGEST_AUDIT_ACTIONS)[number];

/** Writes the audit row of a change to an import batch, in the transaction (`raw`) that makes the change. */
export function auditBatch(
  raw: RawQuery,
  args: { actor: Actor; action: IngestAuditAction; batchId: string; detail: Record<string, unknown> },
): Promise<void> {
  return insertAuditRow(raw, {
    actorId: args.actor.id,
    actorRole: args.actor.role ?? null,
    action: args.action,
    entityType: "import_batch",
    entityId: args.batchId,
    detail: args.detail,
    ip: args.actor.ip,
    userAgent: args.actor.userAgent,
  });
}
