import { can, type Permission } from "@creditseg/core/access";
import type { Role } from "@creditseg/core/constants";
import { EngineError } from "./errors/engine-error";

/**
 * Who asks: a user id (users.id) and their role, and where the request came from (for the audit log).
 * The routers check roles too; the engine re-checks workflow-critical ones.
 */
export type Actor = { id: string; role: Role; ip?: string | null; userAgent?: string | null };

/** Throws FORBIDDEN unless the actor's role holds the permission. */
export function assertPermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission))
    throw new EngineError("FORBIDDEN", `Your role (${actor.role}) may not do this (${permission}).`);
}
