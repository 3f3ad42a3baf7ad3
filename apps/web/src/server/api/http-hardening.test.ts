import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { encodeCursor } from "./paging";
import { buildSecurityHeaders } from "../http/security-headers";
import { seedPortfolio } from "../testing/portfolio-fixture";
import {
  addUser,
  browserHeaders,
  callerFor,
  countAllAudit,
  createTestApp,
  failureOf,
  signIn,
  TEST_ORIGIN,
  type TestApp,
} from "../testing/test-app";
import { isSameOriginRequest } from "./csrf";
import { handleTrpcRequest } from "./trpc-http";

const NUL = "\u0000";
/** An input refused by its schema: the HTTP answer carries appCode INVALID_INPUT (asserted over HTTP below). */
const INVALID_INPUT = { code: "BAD_REQUEST", isSchemaRefusal: true };
const INVALID_CURSOR = { code: "BAD_REQUEST", appCode: "INVALID_CURSOR" };

async function inputFailureOf(call: Promise<unknown>): Promise<{ code: string; isSchemaRefusal: boolean }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; cause?: unknown };
    return { code: e.code ?? "UNKNOWN", isSchemaRefusal: e.cause instanceof ZodError };
  }
  throw new Error("expected the call to fail");
}

/** A cursor whose base64 and JSON are well formed but whose content was written by hand. */
const forged = (value: string | null, id: string) => encodeCursor({ value, id });

describeEachDb("hostile strings, cursors and headers over the API", (kind) => {
  let app: TestApp;
  let riskCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await addUser(app, { email: "admin@bank.test", role: "admin" });
    await seedPortfolio(app, risk.id);
    riskCookie = await signIn(app, "risk@bank.test");
    adminCookie = await signIn(app, "admin@bank.test");
  });
  afterAll(async () => app?.close());

  /** A GET of one query through the real fetch adapter, as the browser sends it. */
  async function getQuery(path: string, input: unknown): Promise<Response> {
    const url = `${TEST_ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const headers = browserHeaders({ cookie: riskCookie });
    return handleTrpcRequest(new Request(url, { headers }), {
      handle: app.handle,
      auth: app.auth,
      trustedOrigins: [TEST_ORIGIN],
      trustedProxies: [],
    });
  }

  it("answers a NUL byte in a search over HTTP with 400 and a code, and never lets a response be cached", async () => {
    const refused = await getQuery("customer.list", { search: `C0${NUL}1` });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { json: { data: { appCode: string } } } };
    expect(body.error.json.data.appCode).toBe("INVALID_INPUT");
    expect(refused.headers.get("cache-control")).toBe("no-store");

    const served = await getQuery("customer.list", { search: "C00" });
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses NUL, control and bidi characters in ids, searches, filters and comments with INVALID_INPUT", async () => {
    const risk = await callerFor(app, riskCookie);
    const admin = await callerFor(app, adminCookie);
    const before = await countAllAudit(app);
    const calls: [string, () => Promise<unknown>][] = [
      ["customer.byId", () => risk.customer.byId({ customerId: `C001${NUL}` })],
      ["customer.list search", () => risk.customer.list({ search: `${NUL}` })],
      ["customer.list industries", () => risk.customer.list({ industries: [`制造业${NUL}`] })],
      ["customer.list tiers", () => risk.customer.list({ tiers: ["core\u001b[0m"] })],
      ["customer.list officer", () => risk.customer.list({ officer: "O001\u202E" })],
      ["loan.list customerId", () => risk.loan.list({ customerId: `C${NUL}` })],
      ["project.list region", () => risk.project.list({ region: `east${NUL}` })],
      ["segment.projectGroupHistory", () => risk.segment.projectGroupHistory({ groupKey: `a|b${NUL}|c` })],
      ["audit.list entityId", () => admin.audit.list({ entityId: `x${NUL}` })],
      ["user.list search", () => admin.user.list({ search: `a${NUL}` })],
      ["policy.createDraft", () => risk.policy.createDraft({ changeNote: `note${NUL}` })],
      ["user.update name", () => admin.user.update({ userId: "someone", name: "Bell\u0007" })],
    ];
    for (const [what, call] of calls)
      expect({ what, ...(await inputFailureOf(call())) }).toEqual({ what, ...INVALID_INPUT });
    expect(await countAllAudit(app)).toBe(before);
    const draft = await risk.policy.createDraft({ changeNote: "hostile document" });
    const document = (await risk.policy.byVersion({ version: draft.version })).document as Record<string, unknown>;
    for (const hostile of [
      { ...document, name: `Policy${NUL}` },
      { ...document, extra: [{ note: "\u001b[2J" }] },
    ])
      expect(await inputFailureOf(risk.policy.update({ version: draft.version, document: hostile }))).toEqual(
        INVALID_INPUT,
      );
    expect((await risk.policy.byVersion({ version: draft.version })).document).toEqual(document);
  });

  it("keeps line breaks in comments, where they belong", async () => {
    const risk = await callerFor(app, riskCookie);
    const draft = await risk.policy.createDraft({ changeNote: "First line.\nSecond line." });
    expect(draft.changeNote).toBe("First line.\nSecond line.");
  });

  it("answers a tampered cursor with INVALID_CURSOR, never a server error", async () => {
    const risk = await callerFor(app, riskCookie);
    const admin = await callerFor(app, adminCookie);
    const calls: [string, () => Promise<unknown>][] = [
      ["not base64 JSON", () => risk.customer.list({ cursor: "not-a-cursor" })],
      ["NUL in the id", () => risk.customer.list({ sort: "customerId", cursor: forged("C001", `C${NUL}`) })],
      ["text for a fen sort", () => risk.customer.list({ sort: "contribution", cursor: forged("a lot", "C001") })],
      [
        "fen beyond bigint",
        () => risk.customer.list({ sort: "contribution", cursor: forged("99999999999999999999", "C001") }),
      ],
      ["fraction for a fen sort", () => risk.customer.list({ sort: "loanBalance", cursor: forged("1.5", "C001") })],
      ["NUL in a loan cursor", () => risk.loan.list({ cursor: forged(`2025${NUL}`, "L1") })],
      ["run id beyond integer", () => risk.segmentRun.list({ cursor: forged(null, "3000000000") })],
      ["negative override id", () => risk.override.list({ cursor: forged(null, "-4") })],
      ["audit id not a number", () => admin.audit.list({ cursor: forged(null, "1e3x") })],
      ["oversized part", () => risk.customer.list({ cursor: forged("x".repeat(300), "C001") })],
      ["three parts", () => risk.customer.list({ cursor: Buffer.from('["a","b","c"]').toString("base64url") })],
    ];
    for (const [what, call] of calls)
      expect({ what, ...(await failureOf(call())) }).toEqual({ what, ...INVALID_CURSOR });
  });

  it("refuses a run id beyond the integer range as input rather than failing in the database", async () => {
    const risk = await callerFor(app, riskCookie);
    expect(await inputFailureOf(risk.segmentRun.byId({ runId: 3_000_000_000 }))).toEqual(INVALID_INPUT);
  });

  it("refuses a mutation whose Origin differs from APP_URL in scheme, port or host, whatever X-Forwarded-Host says", async () => {
    for (const headers of [
      browserHeaders({ origin: "https://evil.example", "x-forwarded-host": "evil.example", host: "evil.example" }),
      browserHeaders({ origin: "https://localhost:3000" }),
      browserHeaders({ origin: "http://localhost:3001", host: "localhost:3001" }),
    ]) {
      const admin = await callerFor(app, adminCookie, { headers });
      expect(await failureOf(admin.user.setMyLocale({ locale: "en" }))).toEqual({
        code: "FORBIDDEN",
        appCode: "CSRF_REJECTED",
      });
    }
  });
});

describe("origin check and security headers", () => {
  it("matches the Origin against the configured origins only", () => {
    const trusted = ["https://creditseg.bank.internal"];
    const check = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers), trusted);
    expect(check({ origin: "https://creditseg.bank.internal" })).toBe(true);
    expect(check({ origin: "https://creditseg.bank.internal:443" })).toBe(true);
    expect(check({ origin: "http://creditseg.bank.internal" })).toBe(false);
    expect(check({ origin: "https://creditseg.bank.internal:8443" })).toBe(false);
    expect(check({ origin: "https://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" })).toBe(
      false,
    );
    expect(check({ "sec-fetch-site": "same-origin" })).toBe(true);
    expect(check({})).toBe(false);
  });

  it("sends HSTS only when the app is served over https", () => {
    const hsts = (isHttps: boolean) =>
      buildSecurityHeaders({ isDev: false, isHttps }).find((header) => header.key === "Strict-Transport-Security");
    expect(hsts(true)?.value).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(hsts(false)).toBeUndefined();
  });
});
