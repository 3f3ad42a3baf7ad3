import { ROLES, type Role } from "@creditseg/core/constants";
import type { Auth } from "./auth";

/** The signed-in user as procedures see it. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Staff code for credit officers: their customer scope. */
  officerCode: string | null;
  locale: string;
};

export type AppSession = { sessionId: string; expiresAt: Date; user: SessionUser };

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Reads the session the request's cookie names; null when absent, expired, or the user is deactivated. */
export async function readSession(auth: Auth, headers: Headers): Promise<AppSession | null> {
  const found = await auth.api.getSession({ headers, query: { disableRefresh: true } });
  if (!found) return null;
  const user = found.user as typeof found.user & {
    role?: unknown;
    officerCode?: string | null;
    isActive?: boolean;
    locale?: string;
  };
  if (user.isActive !== true || !isRole(user.role)) return null;
  return {
    sessionId: found.session.id,
    expiresAt: new Date(found.session.expiresAt),
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      officerCode: user.officerCode ?? null,
      locale: user.locale ?? "zh-CN",
    },
  };
}
