import type { Role } from "@creditseg/core/constants";
import { and, count, eq } from "drizzle-orm";
import type { DbOrTx, RawQuery } from "../client";
import { auditLog } from "../schema";

export type AuditRow = {
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  /** Ids, codes and changed field names: never customer names or balances. */
  detail: Record<string, unknown> | null;
  /** Where the request came from; null for the CLI and the system. */
  ip?: string | null;
  userAgent?: string | null;
};

/** Appends one audit row through `raw`, which should be the transaction making the change, so both commit together. */
export async function insertAuditRow(raw: RawQuery, row: AuditRow): Promise<void> {
  await raw(
    "insert into audit_log (actor_id, actor_role, action, entity_type, entity_id, detail, ip, user_agent) values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8)",
    [
      row.actorId,
      row.actorRole,
      row.action,
      row.entityType,
      row.entityId,
      row.detail === null ? null : JSON.stringify(row.detail),
      row.ip ?? null,
      row.userAgent ?? null,
    ],
  );
}

/** Appends one audit row through a Drizzle database or transaction (the one making the change). */
export async function appendAuditRow(db: DbOrTx, row: AuditRow): Promise<void> {
  await db.insert(auditLog).values({
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    detail: row.detail,
    ip: row.ip ?? null,
    userAgent: row.userAgent ?? null,
  });
}

/** How many audit rows record this action (on this entity), or how many there are at all without either. */
export async function countAuditRows(db: DbOrTx, args: { action?: string; entityId?: string } = {}): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        args.action === undefined ? undefined : eq(auditLog.action, args.action),
        args.entityId === undefined ? undefined : eq(auditLog.entityId, args.entityId),
      ),
    );
  return row?.n ?? 0;
}
