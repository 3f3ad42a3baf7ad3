import { schema } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addUser,
  callerFor,
  createTestApp,
  createTestAppOn,
  signIn,
  TEST_ORIGIN,
  TEST_PASSWORD,
  TEST_PEER_ADDRESS,
  type TestApp,
} from "../testing/test-app";
import { PEER_ADDRESS_HEADER } from "../request-meta";
import { DISABLED_AUTH_PATHS } from "./auth";
import { MAX_FAILED_SIGN_INS } from "@creditseg/db";

/** A request to the auth route as a browser on `peer` (through `forwardedFor`, if given) would send it. */
function authRequest(
  path: string,
  options: { body?: unknown; peer?: string; forwardedFor?: string; cookie?: string; method?: string } = {},
): Request {
  const headers = new Headers({ "content-type": "application/json", origin: TEST_ORIGIN, "user-agent": "vitest" });
  headers.set(PEER_ADDRESS_HEADER, options.peer ?? TEST_PEER_ADDRESS);
  if (options.forwardedFor) headers.set("x-forwarded-for", options.forwardedFor);
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(`${TEST_ORIGIN}/api/auth${path}`, {
    method: options.method ?? "POST",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** Status and JSON body of a sign-in through the real handler. */
async function signInThroughHandler(
  app: TestApp,
  email: string,
  password: string,
  options: { peer?: string; forwardedFor?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await app.auth.handler(authRequest("/sign-in/email", { ...options, body: { email, password } }));
  return { status: response.status, body: await response.json().catch(() => null) };
}

const REFUSED = { status: 401, body: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" } };

async function userRow(app: TestApp, userId: string) {
  const [row] = await app.handle.db
    .select({ count: schema.users.failedLoginCount, lockedUntil: schema.users.lockedUntil })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  return row!;
}

async function failureReasons(app: TestApp, userId: string): Promise<string[]> {
  const rows = await app.handle.db
    .select({ detail: schema.auditLog.detail })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.entityId, userId), eq(schema.auditLog.action, "auth.sign_in_failed")));
  return rows.map((row) => (row.detail as { reason: string }).reason).sort();
}

describeEachDb("sign-in: one answer for every failure, attempts counted atomically", (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp(kind);
  });
  afterAll(async () => app?.close());

  it("counts every one of 30 concurrent wrong passwords and checks at most the allowance of them", async () => {
    const user = await addUser(app, { email: "burst@bank.test", role: "risk_manager" });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => signInThroughHandler(app, user.email, "wrong-password-123")),
    );
    for (const answer of answers) expect(answer).toEqual(REFUSED);
    const row = await userRow(app, user.id);
    expect(row.count).toBe(30);
    expect(row.lockedUntil).not.toBeNull();
    const reasons = await failureReasons(app, user.id);
    expect(reasons.filter((reason) => reason === "bad_password")).toHaveLength(MAX_FAILED_SIGN_INS);
    expect(reasons.filter((reason) => reason === "locked")).toHaveLength(30 - MAX_FAILED_SIGN_INS);
  });

  it("answers a right password inside a locked burst exactly like a wrong one, and gives it no session", async () => {
    const user = await addUser(app, { email: "inside@bank.test", role: "risk_manager" });
    const wrong = Array.from({ length: 12 }, () => signInThroughHandler(app, user.email, "wrong-password-123"));
    await Promise.all(wrong);
    const right = await signInThroughHandler(app, user.email, TEST_PASSWORD);
    expect(right).toEqual(REFUSED);
    const sessions = await app.handle.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(sessions).toEqual([]);
  });

  it("answers an unknown email, a wrong password, a locked and a deactivated account the same way", async () => {
    const wrongPassword = await addUser(app, { email: "wrong@bank.test", role: "risk_manager" });
    const locked = await addUser(app, { email: "locked@bank.test", role: "risk_manager" });
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS; attempt++)
      await signInThroughHandler(app, locked.email, "wrong-password-123");
    const leaver = await addUser(app, { email: "leaver@bank.test", role: "admin" });
    const admin = await addUser(app, { email: "admin@bank.test", role: "admin" });
    await (await callerFor(app, await signIn(app, admin.email))).user.deactivate({ userId: leaver.id });

    const answers = [
      await signInThroughHandler(app, "nobody@bank.test", TEST_PASSWORD),
      await signInThroughHandler(app, wrongPassword.email, "wrong-password-123"),
      await signInThroughHandler(app, locked.email, TEST_PASSWORD),
      await signInThroughHandler(app, locked.email, "wrong-password-123"),
      await signInThroughHandler(app, leaver.email, TEST_PASSWORD),
    ];
    for (const answer of answers) expect(answer).toEqual(REFUSED);
    expect(await failureReasons(app, leaver.id)).toEqual(["inactive"]);
  });

  it("lets the right password in within the allowance, even on the attempt that set the lock, and clears the count", async () => {
    const user = await addUser(app, { email: "last-try@bank.test", role: "risk_manager" });
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++)
      expect(await signInThroughHandler(app, user.email, "wrong-password-123")).toEqual(REFUSED);
    const last = await signInThroughHandler(app, user.email, TEST_PASSWORD);
    expect(last.status).toBe(200);
    expect(await userRow(app, user.id)).toEqual({ count: 0, lockedUntil: null });
  });
});

describeEachDb("sign-in: the client address comes from the trusted-proxy list", (kind) => {
  const limit = 3;
  // Rate-limit counts live in each database's rate_limits table; distinct addresses per database keep the runs apart anyway.
  const net = kind === "pglite" ? "198.51.100" : "203.0.113";

  describe("with no trusted proxy (the default)", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp(kind, { signInRateLimitPerMinute: limit });
    });
    afterAll(async () => app?.close());

    it("keeps rate-limiting a client that rotates X-Forwarded-For, and audits its socket address", async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < limit + 2; attempt++) {
        const answer = await signInThroughHandler(app, "nobody@bank.test", "wrong-password-123", {
          peer: `${net}.20`,
          forwardedFor: `192.0.2.${attempt + 1}`,
        });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const rows = await app.handle.db
        .select({ ip: schema.auditLog.ip })
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, "auth.sign_in_failed"));
      expect(rows.map((row) => row.ip)).toEqual([`${net}.20`, `${net}.20`, `${net}.20`]);
    });

    it("shares the count with every other instance on the database: the counter is a row, not process memory", async () => {
      const other = createTestAppOn(app.handle, { signInRateLimitPerMinute: limit });
      const statuses: number[] = [];
      for (const instance of [app, other, app, other]) {
        const answer = await signInThroughHandler(instance, "nobody@bank.test", "wrong-password-123", {
          peer: `${net}.30`,
        });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const [row] = await app.handle.raw<{ count: number }>("select count from rate_limits where key like $1", [
        `%${net}.30%`,
      ]);
      expect(row?.count).toBe(limit);
    });

    it("limits each socket address on its own", async () => {
      const answer = await signInThroughHandler(app, "nobody@bank.test", "wrong-password-123", {
        peer: `${net}.21`,
      });
      expect(answer.status).toBe(401);
    });
  });

  describe("behind a trusted proxy", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await createTestApp(kind, { signInRateLimitPerMinute: limit, trustedProxies: ["10.0.0.0/8"] });
    });
    afterAll(async () => app?.close());

    it("takes the address the proxy saw, and ignores what the client prepended", async () => {
      const user = await addUser(app, { email: "proxied@bank.test", role: "risk_manager" });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < limit + 1; attempt++) {
        const answer = await signInThroughHandler(app, user.email, "wrong-password-123", {
          peer: "10.1.2.3",
          // The client forged the first entry; the proxy appended the address it saw.
          forwardedFor: `192.0.2.${attempt + 1}, ${net}.30`,
        });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const rows = await app.handle.db
        .select({ ip: schema.auditLog.ip })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.entityId, user.id), eq(schema.auditLog.action, "auth.sign_in_failed")));
      expect(new Set(rows.map((row) => row.ip))).toEqual(new Set([`${net}.30`]));
    });
  });
});

describeEachDb("sign-in: better-auth's own account endpoints are closed", (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(kind);
  });
  afterAll(async () => app?.close());

  it("refuses change-password, update-user and every other unused endpoint, leaving the account as it was", async () => {
    const user = await addUser(app, { email: "self@bank.test", role: "credit_officer", officerCode: "O100" });
    const cookie = await signIn(app, user.email);
    const attempts: [string, unknown][] = [
      [
        "/change-password",
        { currentPassword: TEST_PASSWORD, newPassword: "Another-password-9", revokeOtherSessions: false },
      ],
      ["/update-user", { name: "Someone else", role: "admin" }],
      ["/change-email", { newEmail: "other@bank.test" }],
      ["/delete-user", { password: TEST_PASSWORD }],
      ["/sign-up/email", { email: "new@bank.test", password: "New-password-123", name: "New" }],
      ["/request-password-reset", { email: user.email }],
    ];
    for (const [path, body] of attempts) {
      const response = await app.auth.handler(authRequest(path, { body, cookie }));
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    for (const path of DISABLED_AUTH_PATHS.filter((p) => !p.includes(":"))) {
      const response = await app.auth.handler(authRequest(path, { body: {}, cookie }));
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const [row] = await app.handle.db
      .select({ name: schema.users.name, role: schema.users.role, email: schema.users.email })
      .from(schema.users)
      .where(eq(schema.users.id, user.id));
    expect(row).toEqual({ name: user.email, role: "credit_officer", email: user.email });
    expect(await signIn(app, user.email)).toContain("session_token=");
  });

  it("still serves sign-out and the session through the handler", async () => {
    const user = await addUser(app, { email: "session@bank.test", role: "risk_manager" });
    const cookie = await signIn(app, user.email);
    const session = await app.auth.handler(authRequest("/get-session", { cookie, method: "GET" }));
    expect(session.status).toBe(200);
    const signOut = await app.auth.handler(authRequest("/sign-out", { cookie, body: {} }));
    expect(signOut.status).toBe(200);
  });
});
