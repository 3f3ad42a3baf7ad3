import type { Db } from "@creditseg/db";
import { hashPassword, schema, verifyPassword } from "@creditseg/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { writeAudit } from "../audit/write-audit";
import { readRequestMeta } from "../request-meta";
import {
  LOCK_MINUTES,
  canHoldSession,
  clearFailedSignIns,
  findSignInSubject,
  isLocked,
  recordFailedSignIn,
} from "./lockout";

export type CreateAuthOptions = {
  db: Db;
  secret: string;
  /** Public origin, e.g. http://localhost:3000. */
  baseURL: string;
  trustedOrigins: readonly string[];
  isSecureCookies: boolean;
  sessionTtlMinutes: number;
  /** Sign-in attempts per IP per minute before the library answers 429; lock-out per account is separate. */
  signInRateLimitPerMinute?: number;
};

const SIGN_IN_PATH = "/sign-in/email";
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Shown for a locked account; the same text whether the password was right or not. */
export const LOCKED_MESSAGE = `Too many failed sign-ins: the account is locked for ${LOCK_MINUTES} minutes. An administrator can unlock it.`;

/**
 * Email-and-password authentication over our users / sessions / accounts tables: scrypt password
 * hashes, http-only same-site cookies, sessions that expire, no self sign-up (admins create users),
 * lock-out after repeated failures, and an audit row for every sign-in attempt.
 */
export function createAuth(options: CreateAuthOptions) {
  const { db } = options;
  const ttlSeconds = options.sessionTtlMinutes * 60;
  return betterAuth({
    appName: "CreditSeg",
    // Warnings such as "Invalid password" are already in the audit log; keep server logs for errors.
    logger: { level: "error" },
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: [...options.trustedOrigins],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
      // The same scrypt helper the seed and the user admin use, so every stored hash verifies here.
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: true },
        officerCode: { type: "string", input: false, required: false },
        isActive: { type: "boolean", input: false, required: true },
        locale: { type: "string", input: false, required: true },
        failedLoginCount: { type: "number", input: false, required: false, returned: false },
        lockedUntil: { type: "date", input: false, required: false, returned: false },
      },
    },
    session: {
      expiresIn: ttlSeconds,
      // Sliding expiry: a session in use is extended at most once every quarter of its life.
      updateAge: Math.max(60, Math.floor(ttlSeconds / 4)),
      // No cookie cache: every request reads the session row, so a deactivation ends access at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 600,
      customRules: { [SIGN_IN_PATH]: { window: 60, max: options.signInRateLimitPerMinute ?? 60 } },
    },
    advanced: {
      useSecureCookies: options.isSecureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: options.isSecureCookies },
    },
    databaseHooks: {
      session: {
        create: {
          // Last line of defence: no session for a deactivated or locked user, whatever path creates it.
          before: async (session) => ((await canHoldSession(db, session.userId)) ? undefined : false),
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailOf(ctx.body as unknown);
        const subject = email ? await findSignInSubject(db, email) : null;
        if (!subject) return;
        const refusal = isLocked(subject) ? "locked" : !subject.isActive ? "inactive" : null;
        if (!refusal) return;
        await writeAudit(db, {
          actor: { id: subject.id, role: subject.role },
          action: "auth.sign_in_failed",
          entityType: "user",
          entityId: subject.id,
          detail: { reason: refusal },
          meta: readRequestMeta(ctx.headers ?? new Headers()),
        });
        if (refusal === "locked") throw new APIError("FORBIDDEN", { message: LOCKED_MESSAGE, code: "ACCOUNT_LOCKED" });
        throw new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const meta = readRequestMeta(ctx.headers ?? new Headers());
        const newSession = ctx.context.newSession;
        if (newSession && !isAPIError(ctx.context.returned)) {
          const role = (newSession.user as { role?: string }).role;
          await db.transaction(async (tx) => {
            await clearFailedSignIns(tx, newSession.user.id);
            await writeAudit(tx, {
              actor: { id: newSession.user.id, role: role as never },
              action: "auth.sign_in",
              entityType: "session",
              entityId: newSession.session.id,
              meta,
            });
          });
          return;
        }
        const email = emailOf(ctx.body as unknown);
        await db.transaction(async (tx) => {
          const subject = email ? await findSignInSubject(tx, email) : null;
          if (!subject) {
            await writeAudit(tx, {
              actor: null,
              action: "auth.sign_in_failed",
              detail: { reason: "unknown_email" },
              meta,
            });
            return;
          }
          const { failedCount, hasLocked } = await recordFailedSignIn(tx, subject.id);
          const actor = { id: subject.id, role: subject.role };
          await writeAudit(tx, {
            actor,
            action: "auth.sign_in_failed",
            entityType: "user",
            entityId: subject.id,
            detail: { reason: "bad_password", failedCount },
            meta,
          });
          if (hasLocked)
            await writeAudit(tx, {
              actor,
              action: "auth.locked",
              entityType: "user",
              entityId: subject.id,
              detail: { minutes: LOCK_MINUTES },
              meta,
            });
        });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** The email a sign-in request body carries, or "" (better-auth types the body as any). */
function emailOf(body: unknown): string {
  return typeof body === "object" && body !== null && "email" in body && typeof body.email === "string"
    ? body.email
    : "";
}
