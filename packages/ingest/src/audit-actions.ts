/** Audit actions the import package writes, in the transaction of the change (the interface names each one). */
export const INGEST_AUDIT_ACTIONS = ["import.commit", "import.rollback"] as const;
export type IngestAuditAction = (typeof INGEST_AUDIT_ACTIONS)[number];
