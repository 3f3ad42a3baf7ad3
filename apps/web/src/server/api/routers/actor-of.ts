import type { Actor } from "@creditseg/engine";
import type { SessionUser } from "../../auth/session";

/** The signed-in user as the engine and ingest packages name who acts (they re-check workflow-critical permissions). */
export function actorOf(user: SessionUser): Actor {
  return { id: user.id, role: user.role };
}
