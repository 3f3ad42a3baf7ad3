import "server-only";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getServerCaller } from "~/trpc/server";
import type { Me } from "./me-context";

/** The signed-in user for server components, once per request; null without a session. */
export const readMeOrNull = cache(async (): Promise<Me | null> => {
  const caller = await getServerCaller();
  try {
    const me = await caller.user.me();
    return {
      id: me.id,
      name: me.name,
      email: me.email,
      role: me.role,
      officerCode: me.officerCode,
      locale: me.locale,
      permissions: me.permissions,
    };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
});

/** The signed-in user, or a redirect to the sign-in page that comes back to `next`. */
export async function requireMe(next?: string): Promise<Me> {
  const me = await readMeOrNull();
  if (!me) redirect(next && next !== "/" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return me;
}
