import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root: e2e/ sits directly under it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Port the app under test listens on; a spare one so a developer's server on 3000 is untouched. */
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

export const baseUrl = `http://localhost:${e2ePort}`;

/** Dedicated embedded database for the end-to-end run, reset and seeded before the server starts. */
export const e2ePgliteDir = path.resolve(repoRoot, process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite");

/** Optional PostgreSQL for the run instead of PGlite; only a server on this machine is accepted. */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL || undefined;

/** "1" skips `next build` when a build already exists (faster local iterations). */
export const isBuildReused = process.env.E2E_REUSE_BUILD === "1";

export const isCi = Boolean(process.env.CI);

/** Customers in the seeded demo world: small enough to seed in seconds, large enough for every view. */
export const e2eCustomers = Number(process.env.E2E_CUSTOMERS ?? 400);

/** The period the demo world covers and the first run segments. */
export const e2ePeriod = process.env.E2E_PERIOD ?? "2025";

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the browser Playwright
 * downloaded (`playwright-browser` is that path, resolved by the caller). Null when none exists.
 */
export function resolveChromiumPath(playwrightBrowser: string | undefined): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", playwrightBrowser];
  return (
    candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate as string)) ?? null
  );
}

/**
 * Environment for the commands that seed the database and run the app: the caller's environment
 * without its database settings (never the developer's own database), plus the e2e ones.
 */
export function buildServerEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignoredUrl, PGLITE_DIR: _ignoredDir, ...rest } = process.env;
  return {
    ...rest,
    ...(e2eDatabaseUrl ? { DATABASE_URL: e2eDatabaseUrl } : { PGLITE_DIR: e2ePgliteDir }),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(e2ePort),
    APP_URL: baseUrl,
    // A throwaway secret: production mode refuses the development one, and this server lives for one run.
    BETTER_AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-only-secret-0123456789abcdefghijklmnop",
    // Plain http on localhost: the session cookie must not require TLS.
    AUTH_INSECURE_COOKIES: "1",
  };
}
