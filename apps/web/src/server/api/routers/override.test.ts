import { addDays, bankDate, latestOverrideExpiry } from "@creditseg/core/calendar";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CustomerListRow } from "@creditseg/db";
import { seedPortfolio } from "../../testing/portfolio-fixture";
import {
  addUser,
  callerFor,
  countAllAudit,
  countAudit,
  createTestApp,
  failureOf,
  signIn,
  type TestApp,
  type TestUser,
} from "../../testing/test-app";

/** An expiry well inside the allowed term, on whichever clock (bank date or the database's) decides today. */
const EXPIRY = addDays(bankDate(new Date()), 30);

describeEachDb("override review through the API", (kind) => {
  let app: TestApp;
  let officer: TestUser;
  /** C001 as the engine's run stored it: the computed tier and grade an override is measured against. */
  let c001: CustomerListRow;
  const cookies: Record<"admin" | "risk" | "officer" | "officer2", string> = {
    admin: "",
    risk: "",
    officer: "",
    officer2: "",
  };
  const proposal = {
    field: "grade" as const,
    proposedValue: "A",
    reasonCode: "collateral_added",
    comment: "New mortgage on the plant.",
  };

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await addUser(app, { email: "admin@bank.test", role: "admin" });
    officer = await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" });
    await addUser(app, { email: "officer2@bank.test", role: "credit_officer", officerCode: "O002" });
    const { results } = await seedPortfolio(app, risk.id);
    c001 = results.find((r) => r.customerId === "C001")!;
    // The proposal below must differ from what the run computed.
    expect(c001.grade).not.toBe(proposal.proposedValue);
    cookies.risk = await signIn(app, "risk@bank.test");
    cookies.admin = await signIn(app, "admin@bank.test");
    cookies.officer = await signIn(app, "officer@bank.test");
    cookies.officer2 = await signIn(app, "officer2@bank.test");
  });
  afterAll(async () => app?.close());

  const overrideCount = async () =>
    (await app.handle.raw<{ n: number }>("select count(*)::int as n from overrides"))[0]!.n;

  it("answers CUSTOMER_NOT_FOUND when an officer proposes for another officer's customer, writing nothing", async () => {
    const before = { overrides: await overrideCount(), audit: await countAllAudit(app) };
    const caller = await callerFor(app, cookies.officer);
    expect(await failureOf(caller.override.propose({ customerId: "C002", ...proposal }))).toEqual({
      code: "NOT_FOUND",
      appCode: "CUSTOMER_NOT_FOUND",
    });
    expect(await failureOf(caller.override.confirm({ customerId: "C002", field: "tier" }))).toEqual({
      code: "NOT_FOUND",
      appCode: "CUSTOMER_NOT_FOUND",
    });
    expect(await failureOf(caller.override.propose({ customerId: "C999", ...proposal }))).toEqual({
      code: "NOT_FOUND",
      appCode: "CUSTOMER_NOT_FOUND",
    });
    expect({ overrides: await overrideCount(), audit: await countAllAudit(app) }).toEqual(before);
  });

  it("refuses proposals to nobody, admins and risk managers, and decisions to officers and admins", async () => {
    expect(
      await failureOf((await callerFor(app, null)).override.propose({ customerId: "C001", ...proposal })),
    ).toMatchObject({ code: "UNAUTHORIZED" });
    expect(
      await failureOf((await callerFor(app, cookies.admin)).override.propose({ customerId: "C001", ...proposal })),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await failureOf((await callerFor(app, cookies.risk)).override.propose({ customerId: "C001", ...proposal })),
    ).toMatchObject({ code: "FORBIDDEN" });
    const decision = { overrideId: 1, comment: "Fine.", expiresOn: EXPIRY };
    expect(await failureOf((await callerFor(app, cookies.officer)).override.approve(decision))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf((await callerFor(app, cookies.admin)).override.approve(decision))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await overrideCount()).toBe(0);
  });

  it("lets an officer propose for their own customer and a risk manager approve it, each step audited once", async () => {
    const proposed = await (
      await callerFor(app, cookies.officer)
    ).override.propose({ customerId: "C001", ...proposal });
    expect(proposed).toMatchObject({
      status: "proposed",
      computedValue: c001.grade,
      proposedValue: "A",
      proposedBy: officer.id,
    });
    expect(await countAudit(app, "override.proposed", String(proposed.id))).toBe(1);

    const queue = await (await callerFor(app, cookies.risk)).override.list({ statuses: ["proposed"] });
    expect(queue.items.map((o) => o.id)).toContain(proposed.id);
    expect((await (await callerFor(app, cookies.officer2)).override.list({})).items).toEqual([]);

    const risk = await callerFor(app, cookies.risk);
    const before = await countAllAudit(app);
    expect(
      await failureOf(risk.override.approve({ overrideId: proposed.id, comment: "Fine.", expiresOn: "2000-01-01" })),
    ).toEqual({ code: "BAD_REQUEST", appCode: "INVALID_INPUT" });
    // 9999-12-31 would make a manual decision permanent; a day past the longest term is refused too.
    const tooLate = addDays(latestOverrideExpiry(bankDate(new Date())), 1);
    for (const expiresOn of ["9999-12-31", tooLate, "2026-02-30"])
      expect(
        await failureOf(risk.override.approve({ overrideId: proposed.id, comment: "Fine.", expiresOn })),
      ).toMatchObject({
        code: "BAD_REQUEST",
      });
    expect(await countAllAudit(app)).toBe(before);
    const approved = await risk.override.approve({
      overrideId: proposed.id,
      comment: "Collateral verified.",
      expiresOn: EXPIRY,
    });
    expect(approved).toMatchObject({ status: "approved", expiresOn: EXPIRY });
    expect(await countAudit(app, "override.approved", String(proposed.id))).toBe(1);
    expect(await failureOf(risk.override.reject({ overrideId: proposed.id, comment: "Too late." }))).toEqual({
      code: "CONFLICT",
      appCode: "CONFLICT",
    });
    expect(await failureOf(risk.override.approve({ overrideId: 999_999, comment: "x", expiresOn: EXPIRY }))).toEqual({
      code: "NOT_FOUND",
      appCode: "OVERRIDE_NOT_FOUND",
    });
  });

  it("refuses a decision by the proposer (four eyes), even after they became a risk manager", async () => {
    const proposed = await (
      await callerFor(app, cookies.officer)
    ).override.propose({ customerId: "C003", ...proposal, proposedValue: "AA" });
    await app.handle.raw("update users set role = 'risk_manager' where id = $1", [officer.id]);
    try {
      const promoted = await callerFor(app, await signIn(app, "officer@bank.test"));
      const before = await countAllAudit(app);
      expect(
        await failureOf(promoted.override.approve({ overrideId: proposed.id, comment: "Mine.", expiresOn: EXPIRY })),
      ).toEqual({ code: "FORBIDDEN", appCode: "SELF_APPROVAL" });
      expect(await failureOf(promoted.override.reject({ overrideId: proposed.id, comment: "Mine." }))).toEqual({
        code: "FORBIDDEN",
        appCode: "SELF_APPROVAL",
      });
      expect(await countAllAudit(app)).toBe(before);
      const [row] = await app.handle.raw<{ status: string }>(
        "select status::text as status from overrides where id = $1",
        [proposed.id],
      );
      expect(row!.status).toBe("proposed");
    } finally {
      await app.handle.raw("update users set role = 'credit_officer' where id = $1", [officer.id]);
    }
    const rejected = await (
      await callerFor(app, cookies.risk)
    ).override.reject({ overrideId: proposed.id, comment: "Not enough evidence." });
    expect(rejected.status).toBe("rejected");
  });

  it("records an officer's confirmation of the computed tier", async () => {
    const confirmed = await (
      await callerFor(app, cookies.officer)
    ).override.confirm({ customerId: "C001", field: "tier", comment: "Agree." });
    expect(confirmed).toMatchObject({ status: "approved", computedValue: c001.tier, proposedValue: c001.tier });
    expect(await countAudit(app, "override.confirmed", String(confirmed.id))).toBe(1);
  });
});
