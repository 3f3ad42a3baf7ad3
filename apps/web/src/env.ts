import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";
import { compileTrustedProxies } from "./server/request-meta";

/** A comma-separated setting as its trimmed, non-empty entries. */
function splitList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The secret used when none is configured; accepted only outside production. */
export const DEV_AUTH_SECRET = "creditseg-development-secret-do-not-use-in-production";

/**
 * Server environment of the web app, validated once. `next.config.ts` imports this file, so a
 * malformed value fails the build. Database variables (DATABASE_URL, PGLITE_DIR) are read by
 * @creditseg/db.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Signs and encrypts session cookies; at least 32 characters. Required in production. */
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** Public origin of the app, e.g. https://creditseg.bank.internal; defaults to http://localhost:PORT. */
    APP_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Extra origins allowed to send cookie-authenticated requests, comma-separated. */
    TRUSTED_ORIGINS: z.string().optional(),
    /**
     * Reverse proxies in front of the app whose X-Forwarded-For is believed, comma-separated addresses or CIDRs
     * (e.g. 10.0.0.5,10.1.0.0/16). Empty: the client is the socket's peer and X-Forwarded-For is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        try {
          compileTrustedProxies(splitList(value));
        } catch (error) {
          ctx.addIssue({ code: "custom", message: `not an address or CIDR list: ${(error as Error).message}` });
        }
      }),
    /** Minutes a session lasts without activity before the user must sign in again. */
    SESSION_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(8 * 60),
    /** Set to "1" to serve cookies without the Secure flag in production (plain-http intranet only). */
    AUTH_INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
    /*
     * Upload budgets (see the README's "Security: upload budgets"): each unset one keeps the import package's
     * default. Bytes, rows, cells per row, characters per cell, what an XLSX may inflate to (in all, its shared
     * strings, and any part's ratio to its compressed size), validation seconds, rejected rows before stopping.
     */
    UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_ROWS: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_CELLS_PER_ROW: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_FIELD_CHARS: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_XLSX_INFLATED_BYTES: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_XLSX_SHARED_STRINGS_BYTES: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_XLSX_RATIO: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_SECONDS: z.coerce.number().int().min(1).optional(),
    UPLOAD_MAX_REJECTED_ROWS: z.coerce.number().int().min(1).optional(),
    NEXT_PHASE: z.string().optional(),
    NEXT_RUNTIME: z.string().optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
});

/** True while `next build` runs: secrets are not needed to compile. */
export const isBuildPhase = env.NEXT_PHASE === "phase-production-build";

/** The public origin the app answers on. */
export const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;

/** True when users reach the app over https (APP_URL): browsers are then told to use nothing else (HSTS). */
export const isHttpsApp = new URL(appUrl).protocol === "https:";

/** Origins accepted on cookie-authenticated requests (CSRF check), without trailing slashes. */
export const trustedOrigins: readonly string[] = [
  new URL(appUrl).origin,
  ...(env.APP_URL ? [] : [`http://127.0.0.1:${env.PORT}`]),
  ...splitList(env.TRUSTED_ORIGINS).map((origin) => new URL(origin).origin),
];

/** Reverse proxies whose X-Forwarded-For is believed (see request-meta.ts); empty by default. */
export const trustedProxies: readonly string[] = splitList(env.TRUSTED_PROXIES);

/**
 * The authentication secret. In production a missing or development secret stops the server:
 * a guessable secret would let anyone forge sessions.
 */
export function readAuthSecret(): string {
  const secret = env.BETTER_AUTH_SECRET;
  if (env.NODE_ENV === "production" && !isBuildPhase && (!secret || secret === DEV_AUTH_SECRET)) {
    throw new Error(
      "BETTER_AUTH_SECRET must be set to a private random value (32+ characters) in production; generate one with `openssl rand -base64 32`.",
    );
  }
  return secret ?? DEV_AUTH_SECRET;
}

/** Cookies carry the Secure flag in production unless explicitly disabled for a plain-http intranet. */
export const isSecureCookies = env.NODE_ENV === "production" && env.AUTH_INSECURE_COOKIES === "0";

export const isNodeRuntime = env.NEXT_RUNTIME === undefined || env.NEXT_RUNTIME === "nodejs";

/** The import budgets every upload runs under: the package's defaults with the UPLOAD_MAX_* overrides. */
export const uploadBudgetOverrides = {
  maxBytes: env.UPLOAD_MAX_BYTES,
  maxRows: env.UPLOAD_MAX_ROWS,
  maxCellsPerRow: env.UPLOAD_MAX_CELLS_PER_ROW,
  maxFieldChars: env.UPLOAD_MAX_FIELD_CHARS,
  maxXlsxInflatedBytes: env.UPLOAD_MAX_XLSX_INFLATED_BYTES,
  maxXlsxSharedStringsBytes: env.UPLOAD_MAX_XLSX_SHARED_STRINGS_BYTES,
  maxXlsxEntryRatio: env.UPLOAD_MAX_XLSX_RATIO,
  maxSeconds: env.UPLOAD_MAX_SECONDS,
  maxRejectedRows: env.UPLOAD_MAX_REJECTED_ROWS,
};
