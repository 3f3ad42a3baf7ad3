import "server-only";
import type { DbHandle } from "@creditseg/db";
import { appUrl, env, isSecureCookies, readAuthSecret, trustedOrigins, trustedProxies } from "~/env";
import { createAuth, type Auth } from "./auth/auth";
import { getDb } from "./db";

export type AppServer = { handle: DbHandle; auth: Auth };

const globalForServer = globalThis as unknown as { creditsegServer?: Promise<AppServer> };

/** The process-wide database and authentication instance, created on first use. */
export function getAppServer(): Promise<AppServer> {
  globalForServer.creditsegServer ??= (async () => {
    const handle = await getDb();
    const auth = createAuth({
      db: handle.db,
      secret: readAuthSecret(),
      baseURL: appUrl,
      trustedOrigins,
      trustedProxies,
      isSecureCookies,
      sessionTtlMinutes: env.SESSION_TTL_MINUTES,
    });
    return { handle, auth };
  })().catch((error: unknown) => {
    globalForServer.creditsegServer = undefined;
    throw error;
  });
  return globalForServer.creditsegServer;
}
