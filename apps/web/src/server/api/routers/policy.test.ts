import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_PERIOD, seedPortfolio } from "../../testing/portfolio-fixture";
import { previewThrough } from "../../testing/policy-preview";
import {
  addUser,
  callerFor,
  countAllAudit,
  countAudit,
  createTestApp,
  failureOf,
  signIn,
  type TestApp,
} from "../../testing/test-app";

describeEachDb("policy workflow through the API", (kind) => {
  let app: TestApp;
  const cookies: Record<"admin" | "risk" | "risk2" | "officer", string> = {
    admin: "",
    risk: "",
    risk2: "",
    officer: "",
  };

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await addUser(app, { email: "risk2@bank.test", role: "risk_manager" });
    await addUser(app, { email: "admin@bank.test", role: "admin" });
    await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" });
    await seedPortfolio(app, risk.id);
    cookies.risk = await signIn(app, "risk@bank.test");
    cookies.risk2 = await signIn(app, "risk2@bank.test");
    cookies.admin = await signIn(app, "admin@bank.test");
    cookies.officer = await signIn(app, "officer@bank.test");
  });
  afterAll(async () => app?.close());

  const statusOf = async (version: number) =>
    (
      await app.handle.raw<{ status: string }>("select status::text as status from policies where version = $1", [
        version,
      ])
    )[0]?.status;

  it("refuses drafts to nobody (UNAUTHORIZED), admins and officers (FORBIDDEN), writing nothing", async () => {
    const before = await countAllAudit(app);
    expect(await failureOf((await callerFor(app, null)).policy.createDraft({}))).toEqual({
      code: "UNAUTHORIZED",
      appCode: "NOT_SIGNED_IN",
    });
    expect(await failureOf((await callerFor(app, cookies.admin)).policy.createDraft({}))).toEqual({
      code: "FORBIDDEN",
      appCode: "NOT_PERMITTED",
    });
    expect(await failureOf((await callerFor(app, cookies.officer)).policy.createDraft({}))).toEqual({
      code: "FORBIDDEN",
      appCode: "NOT_PERMITTED",
    });
    expect(await countAllAudit(app)).toBe(before);
    const [versions] = await app.handle.raw<{ n: number }>("select count(*)::int as n from policies");
    expect(versions!.n).toBe(1);
  });

  it("drafts, edits, submits and — by a second risk manager only — approves a version, retiring the old one", async () => {
    const author = await callerFor(app, cookies.risk);
    const draft = await author.policy.createDraft({ changeNote: "Raise the core tier bar" });
    expect(draft).toMatchObject({ status: "draft", basedOnVersion: 1 });
    expect(await countAudit(app, "policy.draft_created", String(draft.version))).toBe(1);
    // The engine's audit row says from where, as the web's own rows do.
    const [origin] = await app.handle.raw<{ ip: string | null; user_agent: string | null }>(
      "select ip, user_agent from audit_log where action = 'policy.draft_created' and entity_id = $1",
      [String(draft.version)],
    );
    expect(origin).toEqual({ ip: "203.0.113.7", user_agent: "vitest" });

    const document = structuredClone(draft.document) as { clustering: { seed: number } };
    document.clustering.seed += 1;
    const updated = await author.policy.update({ version: draft.version, document });
    expect((updated.document as typeof document).clustering.seed).toBe(document.clustering.seed);
    const diff = await author.policy.diff({ version: draft.version });
    expect(diff.changes.map((c) => c.path)).toEqual(["clustering.seed"]);

    await author.policy.submit({ version: draft.version });
    expect(await failureOf(author.policy.approve({ version: draft.version }))).toEqual({
      code: "FORBIDDEN",
      appCode: "SELF_APPROVAL",
    });
    expect(await statusOf(draft.version)).toBe("submitted");
    expect(await countAudit(app, "policy.approved")).toBe(0);

    const approved = await (
      await callerFor(app, cookies.risk2)
    ).policy.approve({ version: draft.version, comment: "Checked the impact." });
    expect(approved.status).toBe("active");
    expect(await statusOf(1)).toBe("retired");
    expect(await countAudit(app, "policy.approved", String(draft.version))).toBe(1);
  });

  it("rejects an invalid document by field, leaving the draft and the audit log as they were", async () => {
    const author = await callerFor(app, cookies.risk);
    const draft = await author.policy.createDraft({});
    const before = await countAllAudit(app);
    const broken = { ...(draft.document as Record<string, unknown>), tiers: "none" };
    expect(await failureOf(author.policy.update({ version: draft.version, document: broken }))).toEqual({
      code: "BAD_REQUEST",
      appCode: "INVALID_POLICY",
    });
    expect(await countAllAudit(app)).toBe(before);
    const check = await author.policy.validate({ document: broken });
    expect(check.isValid).toBe(false);
    expect(check.issues.some((issue) => issue.path.startsWith("tiers"))).toBe(true);
    expect(await statusOf(draft.version)).toBe("draft");
    const stored = await (await callerFor(app, cookies.risk)).policy.byVersion({ version: draft.version });
    expect(stored.document).toEqual(draft.document);
  });

  it("lets a second risk manager reject a submitted version, but not its author", async () => {
    const author = await callerFor(app, cookies.risk);
    const draft = await author.policy.createDraft({});
    await author.policy.submit({ version: draft.version });
    expect(await failureOf(author.policy.reject({ version: draft.version, comment: "Mine." }))).toEqual({
      code: "FORBIDDEN",
      appCode: "SELF_APPROVAL",
    });
    expect(await countAudit(app, "policy.rejected", String(draft.version))).toBe(0);
    const rejected = await (
      await callerFor(app, cookies.risk2)
    ).policy.reject({ version: draft.version, comment: "Thresholds unexplained." });
    expect(rejected).toMatchObject({ status: "rejected", decisionComment: "Thresholds unexplained." });
    expect(await failureOf(author.policy.submit({ version: draft.version }))).toEqual({
      code: "CONFLICT",
      appCode: "CONFLICT",
    });
  });

  it("previews a version's impact on a period without storing a run", async () => {
    const author = await callerFor(app, cookies.risk);
    const draft = await author.policy.createDraft({});
    const [runsBefore] = await app.handle.raw<{ n: number }>("select count(*)::int as n from segment_runs");
    const impact = await previewThrough(author, { version: draft.version, period: FIXTURE_PERIOD });
    expect(impact.customerCount).toBe(4);
    expect(impact.version).toBe(draft.version);
    const [runsAfter] = await app.handle.raw<{ n: number }>("select count(*)::int as n from segment_runs");
    expect(runsAfter!.n).toBe(runsBefore!.n);
    expect(await failureOf(author.policy.requestPreview({ version: 999, period: FIXTURE_PERIOD }))).toEqual({
      code: "NOT_FOUND",
      appCode: "POLICY_NOT_FOUND",
    });
  });
});
