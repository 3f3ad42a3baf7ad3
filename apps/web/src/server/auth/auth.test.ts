import { schema } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  addUser,
  callerFor,
  createTestApp,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestUser,
} from "../testing/test-app";
import { MAX_FAILED_SIGN_INS } from "@creditseg/db";

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

async function auditActions(app: TestApp, entityId: string): Promise<string[]> {
  const rows = await app.handle.db
    .select({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.entityId, entityId))
    .orderBy(schema.auditLog.id);
  return rows.map((row) => row.action);
}

describeEachDb("sign-in, lock-out and deactivation", (kind) => {
  let app: TestApp;
  let admin: TestUser;
  let adminCookie: string;

  beforeAll(async () => {
    app = await createTestApp(kind);
    admin = await addUser(app, { email: "admin@bank.test", role: "admin" });
    adminCookie = await signIn(app, admin.email);
  });
  afterAll(async () => app?.close());

  it("signs in with the right password, audits it, and sets an http-only same-site cookie", async () => {
    const user = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    const { headers } = await app.auth.api.signInEmail({
      body: { email: user.email, password: TEST_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    const cookie = headers.getSetCookie().find((line) => line.includes("session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=\d+/i);
    const me = await (await callerFor(app, cookie!.split(";")[0]!)).user.me();
    expect(me.role).toBe("risk_manager");
    const signIns = await app.handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorId, user.id), eq(schema.auditLog.action, "auth.sign_in")));
    expect(signIns).toHaveLength(1);
  });

  it(`locks an account after ${MAX_FAILED_SIGN_INS} failed sign-ins, even against the right password, until an admin unlocks it`, async () => {
    const user = await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" });
    for (let attempt = 1; attempt <= MAX_FAILED_SIGN_INS; attempt++) {
      const error = await errorOf(signIn(app, user.email, "wrong-password-123"));
      expect(error).toBeTruthy();
    }
    const locked = await errorOf(signIn(app, user.email));
    expect((locked as { body?: { code?: string } }).body?.code).toBe("INVALID_EMAIL_OR_PASSWORD");
    const actions = await auditActions(app, user.id);
    expect(actions.filter((a) => a === "auth.sign_in_failed")).toHaveLength(MAX_FAILED_SIGN_INS + 1);
    expect(actions).toContain("auth.locked");

    await (await callerFor(app, adminCookie)).user.unlock({ userId: user.id });
    const cookie = await signIn(app, user.email);
    expect((await (await callerFor(app, cookie)).user.me()).id).toBe(user.id);
    const [row] = await app.handle.db
      .select({ failed: schema.users.failedLoginCount, lockedUntil: schema.users.lockedUntil })
      .from(schema.users)
      .where(eq(schema.users.id, user.id));
    expect(row).toEqual({ failed: 0, lockedUntil: null });
  });

  it("ends a deactivated user's sessions at once and refuses their sign-in", async () => {
    const user = await addUser(app, { email: "leaver@bank.test", role: "credit_officer", officerCode: "O002" });
    const cookie = await signIn(app, user.email);
    await signIn(app, user.email);
    expect((await (await callerFor(app, cookie)).user.me()).id).toBe(user.id);

    await (await callerFor(app, adminCookie)).user.deactivate({ userId: user.id });
    const sessions = await app.handle.db.select().from(schema.sessions).where(eq(schema.sessions.userId, user.id));
    expect(sessions).toEqual([]);
    const error = await errorOf((await callerFor(app, cookie)).user.me());
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    expect(await errorOf(signIn(app, user.email))).toBeTruthy();
    expect(await auditActions(app, user.id)).toContain("user.deactivated");
  });

  it("changes a password only with the current one, and ends the user's other sessions", async () => {
    const user = await addUser(app, { email: "changer@bank.test", role: "risk_manager" });
    const kept = await signIn(app, user.email);
    const other = await signIn(app, user.email);
    const caller = await callerFor(app, kept);
    const wrong = await errorOf(
      caller.user.changePassword({ currentPassword: "not-it", newPassword: "Brand-new-password-1" }),
    );
    expect((wrong as TRPCError).code).toBe("BAD_REQUEST");
    await caller.user.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "Brand-new-password-1" });
    expect((await (await callerFor(app, kept)).user.me()).id).toBe(user.id);
    expect(((await errorOf((await callerFor(app, other)).user.me())) as TRPCError).code).toBe("UNAUTHORIZED");
    expect(await errorOf(signIn(app, user.email))).toBeTruthy();
    expect(await signIn(app, user.email, "Brand-new-password-1")).toContain("session_token=");
  });
});

describeEachDb("CSRF protection and atomic changes", (kind) => {
  let app: TestApp;
  let adminCookie: string;
  let target: TestUser;

  beforeAll(async () => {
    app = await createTestApp(kind);
    await addUser(app, { email: "admin@bank.test", role: "admin" });
    target = await addUser(app, { email: "target@bank.test", role: "risk_manager" });
    await addUser(app, { email: "holder@bank.test", role: "credit_officer", officerCode: "O007" });
    adminCookie = await signIn(app, "admin@bank.test");
  });
  afterAll(async () => app?.close());

  it("refuses a cookie-authenticated mutation sent from another site, and one with no origin at all", async () => {
    for (const headers of [
      new Headers({ origin: "https://evil.example" }),
      new Headers({ origin: "null" }),
      new Headers({ "sec-fetch-site": "cross-site" }),
      new Headers(),
    ]) {
      const caller = await callerFor(app, adminCookie, { headers });
      const error = await errorOf(caller.user.deactivate({ userId: target.id }));
      expect((error as TRPCError).code).toBe("FORBIDDEN");
      expect((error as TRPCError).message).toMatch(/did not come from the CreditSeg site/);
    }
    const [row] = await app.handle.db
      .select({ isActive: schema.users.isActive })
      .from(schema.users)
      .where(eq(schema.users.id, target.id));
    expect(row?.isActive).toBe(true);
    expect(await auditActions(app, target.id)).toEqual([]);
  });

  it("accepts the same mutation from our own origin, and queries from anywhere (reads cannot be replayed cross-site)", async () => {
    const sameSite = await callerFor(app, adminCookie, { headers: new Headers({ "sec-fetch-site": "same-origin" }) });
    await sameSite.user.unlock({ userId: target.id });
    const crossSiteRead = await callerFor(app, adminCookie, {
      headers: new Headers({ origin: "https://evil.example" }),
    });
    expect((await crossSiteRead.user.me()).role).toBe("admin");
  });

  it("leaves no change and no audit row when a mutation fails part-way", async () => {
    const caller = await callerFor(app, adminCookie);
    const before = await auditActions(app, target.id);
    // The role change is written and audited first; the taken officer code then fails the transaction.
    const error = await errorOf(caller.user.update({ userId: target.id, role: "credit_officer", officerCode: "O007" }));
    expect((error as TRPCError).code).toBe("CONFLICT");
    const [row] = await app.handle.db
      .select({ role: schema.users.role, officerCode: schema.users.officerCode })
      .from(schema.users)
      .where(eq(schema.users.id, target.id));
    expect(row).toEqual({ role: "risk_manager", officerCode: null });
    expect(await auditActions(app, target.id)).toEqual(before);
  });

  it("tells users what went wrong without leaking internals", async () => {
    const caller = await callerFor(app, adminCookie);
    const error = await errorOf(caller.customer.list({ cursor: "not-a-cursor" }));
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/page position/);
  });
});
