import type { Actor } from "@creditseg/engine";
import type { SessionUser } from "../../auth/session";
import type { RequestMeta } from "../../request-meta";

/**
 * The signed-in user as the engine and ingest packages name who acts (they re-check workflow-critical
 * permissions), with where the request came from for their audit rows.
 */
export function actorOf(ctx: { user: SessionUser; meta: RequestMeta }): Actor {
  return { id: ctx.user.id, role: ctx.user.role, ip: ctx.meta.ip, userAgent: ctx.meta.userAgent };
}
