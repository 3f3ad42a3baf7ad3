import type { Role } from "@creditseg/core/constants";

/** Who runs an import or a rollback: a user id (null for the command line) and role, for the audit trail. */
export type Actor = { id: string | null; role?: Role | null };
