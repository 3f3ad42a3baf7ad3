import type { Role } from "@creditseg/core/constants";
import { countAuditRows, insertCredentialUser, type DbHandle } from "@creditseg/db";
import { createTestDb, type TestDbKind } from "@creditseg/db/testing";
import { createCaller } from "../api/root";
import { createTrpcContext, type CallSource } from "../api/trpc";
import { inProcessQueueFor } from "../runs/job-queue";
import { createAuth, type Auth } from "../auth/auth";
import { PEER_ADDRESS_HEADER } from "../request-meta";

export const TEST_ORIGIN = "http://localhost:3000";
export const TEST_PASSWORD = "Test-password-2025";
/** The socket address test requests come from, as `server.mjs` would report it. */
export const TEST_PEER_ADDRESS = "203.0.113.7";

export type TestApp = { handle: DbHandle; auth: Auth; trustedProxies: readonly string[]; close: () => Promise<void> };

/** A migrated empty database with the real authentication on it, as the server builds it. */
export type TestAppOptions = { trustedProxies?: readonly string[]; signInRateLimitPerMinute?: number };

export async function createTestApp(kind: TestDbKind, options: TestAppOptions = {}): Promise<TestApp> {
  return createTestAppOn(await createTestDb(kind), options);
}

/** The real authentication on an already open, migrated database (closing the app closes the handle). */
export function createTestAppOn(handle: DbHandle, options: TestAppOptions = {}): TestApp {
  const auth = createAuth({
    db: handle.db,
    secret: "test-secret-for-router-tests-0123456789abcdef",
    baseURL: TEST_ORIGIN,
    trustedOrigins: [TEST_ORIGIN],
    trustedProxies: options.trustedProxies ?? [],
    isSecureCookies: false,
    sessionTtlMinutes: 60,
    signInRateLimitPerMinute: options.signInRateLimitPerMinute ?? 10_000,
  });
  return { handle, auth, trustedProxies: options.trustedProxies ?? [], close: () => handle.close() };
}

export type TestUser = { id: string; email: string; role: Role; officerCode: string | null };

/** Inserts a user with TEST_PASSWORD, the way admins create them. */
export async function addUser(
  app: TestApp,
  user: { email: string; role: Role; officerCode?: string | null },
): Promise<TestUser> {
  const id = await insertCredentialUser(app.handle.db, {
    email: user.email,
    name: user.email,
    role: user.role,
    officerCode: user.officerCode ?? null,
    password: TEST_PASSWORD,
  });
  return { id, email: user.email, role: user.role, officerCode: user.officerCode ?? null };
}

/** Browser-like request headers from our own site. */
export function browserHeaders(extra: Record<string, string> = {}): Headers {
  return new Headers({
    origin: TEST_ORIGIN,
    "user-agent": "vitest",
    [PEER_ADDRESS_HEADER]: TEST_PEER_ADDRESS,
    ...extra,
  });
}

/** Signs in through better-auth and returns the Cookie header a browser would send next. */
export async function signIn(app: TestApp, email: string, password: string = TEST_PASSWORD): Promise<string> {
  const { headers } = await app.auth.api.signInEmail({
    body: { email, password },
    headers: browserHeaders(),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie().map((line) => line.split(";")[0]!);
  const session = cookies.find((cookie) => cookie.includes("session_token="));
  if (!session) throw new Error("sign-in returned no session cookie");
  return session;
}

/** A tRPC caller as a browser with this cookie (or none) would reach it through the HTTP adapter. */
export async function callerFor(
  app: TestApp,
  cookie: string | null,
  options: { headers?: Headers; source?: CallSource } = {},
) {
  const headers = options.headers ?? browserHeaders();
  if (cookie) headers.set("cookie", cookie);
  const ctx = await createTrpcContext({
    handle: app.handle,
    auth: app.auth,
    headers,
    source: options.source ?? "http",
    trustedOrigins: [TEST_ORIGIN],
    trustedProxies: app.trustedProxies,
    // Runs execute in the test's process on both databases (waitForBackgroundRuns); the PostgreSQL queue with
    // separate worker processes is tested by the engine and by the multi-instance test.
    jobs: inProcessQueueFor(app.handle),
  });
  return createCaller(ctx);
}

/** Audit rows of an action (optionally on one entity): asserts that a change was recorded once, or a refusal not at all. */
export async function countAudit(app: TestApp, action: string, entityId?: string): Promise<number> {
  return countAuditRows(app.handle.db, { action, entityId });
}

/** Every audit row, for asserting that a refused mutation wrote none. */
export async function countAllAudit(app: TestApp): Promise<number> {
  return countAuditRows(app.handle.db);
}

/** The tRPC code and app code of a rejected call, for `expect(...).toEqual({ code, appCode })`. */
export async function failureOf(call: Promise<unknown>): Promise<{ code: string; appCode: string | null }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; cause?: { appCode?: string } };
    return { code: e.code ?? "UNKNOWN", appCode: e.cause?.appCode ?? null };
  }
  throw new Error("expected the call to fail");
}
