import {
  AUTH_TABLES,
  LOCK_MINUTES,
  canHoldSession,
  clearFailedSignIns,
  hashPassword,
  isPasswordCorrect,
  takeSignInAttempt,
  verifyPassword,
  type Db,
  type DbOrTx,
} from "@creditseg/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { z } from "zod";
import { writeAudit } from "../audit/write-audit";
import { CLIENT_ADDRESS_HEADER, readRequestMeta, withClientAddress } from "../request-meta";

export type CreateAuthOptions = {
  db: Db;
  secret: string;
  /** Public origin, e.g. http://localhost:3000. */
  baseURL: string;
  trustedOrigins: readonly string[];
  /** Reverse proxies (addresses or CIDRs) whose X-Forwarded-For is believed; empty: the socket's peer is the client. */
  trustedProxies: readonly string[];
  isSecureCookies: boolean;
  sessionTtlMinutes: number;
  /** Sign-in attempts per client address per minute before the library answers 429; lock-out per account is separate. */
  signInRateLimitPerMinute?: number;
};

const SIGN_IN_PATH = "/sign-in/email";
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/**
 * better-auth endpoints the app does not use, answered 404. Password and profile changes go through
 * the app's own audited procedures (user.changePassword, user.setMyLocale); admins manage the rest.
 * Left open: sign-in, sign-out and reading the session.
 */
export const DISABLED_AUTH_PATHS = [
  "/sign-up/email",
  "/change-password",
  "/set-password",
  "/update-user",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/request-password-reset",
  "/reset-password",
  "/reset-password/:token",
  "/send-verification-email",
  "/verify-email",
  "/verify-password",
  "/update-session",
  "/list-accounts",
  "/account-info",
  "/link-social",
  "/unlink-account",
  "/sign-in/social",
  "/callback/:id",
  "/get-access-token",
  "/refresh-token",
] as const;

/**
 * The one answer to every failed sign-in, whatever the reason (unknown email, wrong password, locked
 * or deactivated account, a right password inside a locked burst): a distinct answer would tell an
 * attacker which accounts exist or which password was right.
 */
export function invalidCredentials(): APIError {
  return new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });
}

const signInEmail = z.email().max(254);

/**
 * Email-and-password authentication over our users / sessions / accounts tables: scrypt password
 * hashes, http-only same-site cookies, sessions that expire, no self sign-up (admins create users),
 * lock-out after repeated attempts, and an audit row for every sign-in attempt. Rate limits and
 * audit rows key on the client address resolved from the trusted-proxy list.
 */
export function createAuth(options: CreateAuthOptions) {
  const { db, trustedProxies } = options;
  const ttlSeconds = options.sessionTtlMinutes * 60;
  const auth = betterAuth({
    appName: "CreditSeg",
    // Warnings such as "Invalid password" are already in the audit log; keep server logs for errors.
    logger: { level: "error" },
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: [...options.trustedOrigins],
    disabledPaths: [...DISABLED_AUTH_PATHS],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { ...AUTH_TABLES },
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
      changeEmail: { enabled: false },
      deleteUser: { enabled: false },
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
      // Counted in the database, so every web instance behind the proxy shares one count per address and path.
      storage: "database",
      window: 60,
      max: 600,
      customRules: { [SIGN_IN_PATH]: { window: 60, max: options.signInRateLimitPerMinute ?? 60 } },
    },
    advanced: {
      useSecureCookies: options.isSecureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: options.isSecureCookies },
      // Only the header our handler sets from the resolved address (withClientAddress), never X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // Last line of defence: no session for a deactivated or locked user, whatever path creates it. A sign-in
          // reaching this point was admitted by the attempt count (its own attempt may have set the lock).
          before: async (session, ctx) =>
            (await canHoldSession(db, session.userId, { isAdmittedSignIn: ctx?.path === SIGN_IN_PATH }))
              ? undefined
              : false,
        },
      },
    },
    hooks: {
      // The whole credentials check happens here, so every failure is decided (and answered) in one place.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailOf(ctx.body as unknown);
        const password = passwordOf(ctx.body as unknown);
        // A malformed email or an overlong password gets better-auth's own input error: no account is involved.
        if (!signInEmail.safeParse(email).success || password.length > MAX_PASSWORD_LENGTH) return;
        const meta = readRequestMeta(ctx.headers ?? new Headers(), trustedProxies);
        const attempt = await takeSignInAttempt(db, email);
        if (!attempt) {
          // A hash costs what a check costs, so an unknown email takes as long to refuse as a wrong password.
          await hashPassword(password);
          await writeAudit(db, {
            actor: null,
            action: "auth.sign_in_failed",
            detail: { reason: "unknown_email" },
            meta,
          });
          throw invalidCredentials();
        }
        const actor = { id: attempt.userId, role: attempt.role };
        const auditFailure = (tx: DbOrTx, reason: "locked" | "inactive" | "bad_password") =>
          writeAudit(tx, {
            actor,
            action: "auth.sign_in_failed",
            entityType: "user",
            entityId: attempt.userId,
            detail: { reason, attemptCount: attempt.attemptCount },
            meta,
          });
        if (!attempt.isAdmitted) {
          // Refused without looking at the password; the hash keeps the answer as slow as a check.
          await hashPassword(password);
          await auditFailure(db, attempt.isActive ? "locked" : "inactive");
          throw invalidCredentials();
        }
        if (await isPasswordCorrect(db, attempt.userId, password)) return;
        await db.transaction(async (tx) => {
          await auditFailure(tx, "bad_password");
          if (attempt.hasLocked)
            await writeAudit(tx, {
              actor,
              action: "auth.locked",
              entityType: "user",
              entityId: attempt.userId,
              detail: { minutes: LOCK_MINUTES },
              meta,
            });
        });
        throw invalidCredentials();
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const newSession = ctx.context.newSession;
        const returned = ctx.context.returned;
        if (newSession && !isAPIError(returned)) {
          const role = (newSession.user as { role?: string }).role;
          await db.transaction(async (tx) => {
            await clearFailedSignIns(tx, newSession.user.id);
            await writeAudit(tx, {
              actor: { id: newSession.user.id, role: role as never },
              action: "auth.sign_in",
              entityType: "session",
              entityId: newSession.session.id,
              meta: readRequestMeta(ctx.headers ?? new Headers(), trustedProxies),
            });
          });
          return;
        }
        // Anything else the library refuses after our check passed (e.g. no session for an account locked meanwhile)
        // answers like a wrong password; input errors (400) keep their own answer.
        if (isAPIError(returned) && returned.statusCode !== 400) throw invalidCredentials();
      }),
    },
  });
  const handleRequest = auth.handler;
  return { ...auth, handler: (request: Request) => handleRequest(withClientAddress(request, trustedProxies)) };
}

export type Auth = ReturnType<typeof createAuth>;

/** The email a sign-in request body carries, or "" (better-auth types the body as any). */
function emailOf(body: unknown): string {
  return typeof body === "object" && body !== null && "email" in body && typeof body.email === "string"
    ? body.email
    : "";
}

/** The password a sign-in request body carries, or "". */
function passwordOf(body: unknown): string {
  return typeof body === "object" && body !== null && "password" in body && typeof body.password === "string"
    ? body.password
    : "";
}
