import type { RawQuery } from "../client";

export type AuditRow = {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Ids, codes and changed field names: never customer names or balances. */
  detail: Record<string, unknown>;
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
      JSON.stringify(row.detail),
      row.ip ?? null,
      row.userAgent ?? null,
    ],
  );
}
