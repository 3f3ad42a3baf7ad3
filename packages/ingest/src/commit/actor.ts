import type { Role } from "@creditseg/core/constants";

/**
 * Who runs an import or a rollback, for the audit trail: a user id (null for the command line), role,
 * and where the request came from.
 */
export type Actor = { id: string | null; role?: Role | null; ip?: string | null; userAgent?: string | null };
