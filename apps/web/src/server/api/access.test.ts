import { addDays, bankDate } from "@creditseg/core/calendar";
import { can } from "@creditseg/core/access";
import { ROLES, type Role } from "@creditseg/core/constants";
import { describeEachDb } from "@creditseg/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_PERIOD, seedPortfolio } from "../testing/portfolio-fixture";
import { addUser, callerFor, createTestApp, signIn, type TestApp } from "../testing/test-app";
import { appRouter } from "./root";
import type { AccessRule, ProcedureMeta } from "./trpc";

type Actor = Role | "anonymous";
type Outcome = "allowed" | "UNAUTHORIZED" | "FORBIDDEN";

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

let sequence = 0;
const ANYONE = "anyone";
const EVERY_ROLE = ROLES;
const ADMIN = ["admin"] as const;
const RISK = ["risk_manager"] as const;
const OFFICER = ["credit_officer"] as const;
const ADMIN_AND_RISK = ["admin", "risk_manager"] as const;

type Expectation = {
  /** Who may call it: `anyone` (signed in or not), else the roles that may; others get FORBIDDEN. */
  callers: typeof ANYONE | readonly Role[];
  /** A valid input, so an allowed call reaches the procedure's body. Functions give fresh values per call. */
  input: (ids: { runId: number; targetUserId: string }) => unknown;
};

/**
 * Who may call every procedure, written out by hand from the role matrix (README, "Roles") rather than
 * read from the procedures' own access metadata: a new procedure missing here fails, and so does one
 * switched to a weaker permission.
 */
const EXPECTED: Record<string, Expectation> = {
  "system.health": { callers: ANYONE, input: () => undefined },
  "customer.list": { callers: EVERY_ROLE, input: () => ({ period: FIXTURE_PERIOD }) },
  "customer.count": { callers: EVERY_ROLE, input: () => ({}) },
  "customer.facets": { callers: EVERY_ROLE, input: () => undefined },
  "customer.byId": { callers: EVERY_ROLE, input: () => ({ customerId: "C001" }) },
  "customerExport.request": {
    callers: EVERY_ROLE,
    input: () => ({ format: "csv", sort: "customerId", direction: "asc" }),
  },
  "customerExport.byId": { callers: EVERY_ROLE, input: () => ({ jobId: "00000000-0000-4000-8000-000000000000" }) },
  "loan.list": { callers: EVERY_ROLE, input: () => ({ period: FIXTURE_PERIOD }) },
  "loan.sample": { callers: EVERY_ROLE, input: ({ runId }) => ({ runId, cluster: 0 }) },
  "deposit.list": { callers: EVERY_ROLE, input: () => ({}) },
  "project.list": { callers: EVERY_ROLE, input: () => ({}) },
  "upload.list": { callers: ADMIN_AND_RISK, input: () => ({}) },
  "upload.columns": { callers: ADMIN_AND_RISK, input: () => ({ kind: "customers" }) },
  "upload.byId": { callers: ADMIN_AND_RISK, input: () => ({ batchId: "00000000-0000-4000-8000-000000000000" }) },
  "upload.inspect": {
    callers: ADMIN,
    input: () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  },
  "upload.validate": {
    callers: ADMIN,
    input: () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  },
  "upload.commit": {
    callers: ADMIN,
    input: () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  },
  "upload.commitInBackground": {
    callers: ADMIN,
    input: () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  },
  "upload.importJob": { callers: ADMIN, input: () => ({ jobId: "00000000-0000-4000-8000-000000000000" }) },
  "upload.rollback": { callers: ADMIN, input: () => ({ batchId: "00000000-0000-4000-8000-000000000000" }) },
  "upload.mappings.list": { callers: ADMIN_AND_RISK, input: () => ({}) },
  "upload.mappings.save": {
    callers: ADMIN,
    input: () => ({
      name: `Core banking ${++sequence}`,
      kind: "customers",
      mapping: { 客户号: "customer_id" },
    }),
  },
  "segmentRun.list": { callers: EVERY_ROLE, input: () => ({}) },
  "segmentRun.byId": { callers: EVERY_ROLE, input: ({ runId }) => ({ runId }) },
  "segmentRun.current": { callers: EVERY_ROLE, input: () => ({}) },
  "segmentRun.start": { callers: RISK, input: () => ({ period: FIXTURE_PERIOD, policyVersion: 999 }) },
  "segmentRun.cancel": { callers: RISK, input: () => ({ runId: 999_999 }) },
  "segmentRun.compare": { callers: EVERY_ROLE, input: ({ runId }) => ({ fromRunId: runId, toRunId: runId }) },
  "segmentRun.warningChanges": { callers: EVERY_ROLE, input: ({ runId }) => ({ runId }) },
  "segment.summary": { callers: EVERY_ROLE, input: () => ({ period: FIXTURE_PERIOD }) },
  "segment.clusters": { callers: EVERY_ROLE, input: () => ({}) },
  "segment.projectGroups": { callers: EVERY_ROLE, input: () => ({}) },
  "segment.warnings": { callers: EVERY_ROLE, input: () => ({}) },
  "segment.projectGroupHistory": { callers: EVERY_ROLE, input: () => ({ groupKey: "infrastructure|east|low" }) },
  "group.customerGroups": { callers: EVERY_ROLE, input: () => ({}) },
  "group.customerGroup": { callers: EVERY_ROLE, input: ({ runId }) => ({ runId, groupNo: 0 }) },
  "group.projectGroups": { callers: EVERY_ROLE, input: () => ({}) },
  "group.projectGroupHistory": { callers: EVERY_ROLE, input: ({ runId }) => ({ runId, groupNo: 0 }) },
  "group.ofCustomer": { callers: EVERY_ROLE, input: () => ({ customerId: "C001" }) },
  "segment.migration": { callers: EVERY_ROLE, input: ({ runId }) => ({ fromRunId: runId, toRunId: runId }) },
  "policy.list": { callers: EVERY_ROLE, input: () => ({}) },
  "policy.byVersion": { callers: EVERY_ROLE, input: () => ({ version: 1 }) },
  "policy.active": { callers: EVERY_ROLE, input: () => undefined },
  "policy.createDraft": { callers: RISK, input: () => ({ changeNote: "role table" }) },
  "policy.update": { callers: RISK, input: () => ({ version: 1, document: {} }) },
  "policy.validate": { callers: RISK, input: () => ({ document: {} }) },
  "policy.diff": { callers: EVERY_ROLE, input: () => ({ version: 1 }) },
  "policy.submit": { callers: RISK, input: () => ({ version: 1 }) },
  "policy.approve": { callers: RISK, input: () => ({ version: 1 }) },
  "policy.reject": { callers: RISK, input: () => ({ version: 1, comment: "Not yet." }) },
  "policy.requestPreview": { callers: RISK, input: () => ({ version: 1, period: FIXTURE_PERIOD }) },
  "policy.previewJob": { callers: RISK, input: () => ({ previewId: "00000000-0000-4000-8000-000000000000" }) },
  "override.list": { callers: EVERY_ROLE, input: () => ({}) },
  "override.propose": {
    callers: OFFICER,
    input: () => ({
      customerId: "C001",
      field: "grade",
      proposedValue: "A",
      reasonCode: "collateral_added",
      comment: "New collateral.",
    }),
  },
  "override.confirm": { callers: OFFICER, input: () => ({ customerId: "C001", field: "tier" }) },
  "override.approve": {
    callers: RISK,
    input: () => ({ overrideId: 999_999, comment: "Agreed.", expiresOn: addDays(bankDate(new Date()), 30) }),
  },
  "override.reject": { callers: RISK, input: () => ({ overrideId: 999_999, comment: "Not supported." }) },
  "user.me": { callers: EVERY_ROLE, input: () => undefined },
  "user.changePassword": {
    callers: EVERY_ROLE,
    input: () => ({ currentPassword: "not-the-password", newPassword: "Another-password-1" }),
  },
  "user.setMyLocale": { callers: EVERY_ROLE, input: () => ({ locale: "en" }) },
  "user.list": { callers: ADMIN, input: () => ({}) },
  "user.create": {
    callers: ADMIN,
    input: () => ({
      email: `new-${++sequence}@bank.test`,
      name: "New user",
      role: "risk_manager",
      password: "Initial-password-1",
    }),
  },
  "user.update": {
    callers: ADMIN,
    input: ({ targetUserId }) => ({ userId: targetUserId, name: `Renamed ${++sequence}` }),
  },
  "user.deactivate": { callers: ADMIN, input: ({ targetUserId }) => ({ userId: targetUserId }) },
  "user.reactivate": { callers: ADMIN, input: ({ targetUserId }) => ({ userId: targetUserId }) },
  "user.unlock": { callers: ADMIN, input: ({ targetUserId }) => ({ userId: targetUserId }) },
  "user.resetPassword": {
    callers: ADMIN,
    input: ({ targetUserId }) => ({ userId: targetUserId, newPassword: "Reset-password-123" }),
  },
  "audit.list": { callers: ADMIN, input: () => ({}) },
};

/** What the hand-written expectation says an actor gets. */
function expectedOutcome(expectation: Expectation, actor: Actor): Outcome {
  if (expectation.callers === ANYONE) return "allowed";
  if (actor === "anonymous") return "UNAUTHORIZED";
  return expectation.callers.includes(actor) ? "allowed" : "FORBIDDEN";
}

/** Whom a procedure's declared access rule lets in, in the expectation's terms. */
function callersAllowedBy(rule: AccessRule): Expectation["callers"] {
  switch (rule.kind) {
    case "public":
      return ANYONE;
    case "authenticated":
      return ROLES;
    case "permission":
      return ROLES.filter((role) => can(role, rule.permission));
    case "roles":
      return ROLES.filter((role) => rule.roles.includes(role));
  }
}

describe("the procedure table", () => {
  it("has a hand-written expectation for every procedure, and none for a procedure that is gone", () => {
    expect(procedures.length).toBeGreaterThan(20);
    const paths = procedures.map(([path]) => path);
    for (const path of paths) expect(EXPECTED[path], `${path} has no expectation in the role table`).toBeDefined();
    expect(Object.keys(EXPECTED).filter((path) => !paths.includes(path))).toEqual([]);
  });

  it("lets in exactly the callers the expectation names, no more and no fewer", () => {
    for (const [path, procedure] of procedures) {
      const rule = procedure._def.meta?.access;
      expect(rule, `${path} has no access rule`).toBeDefined();
      expect(callersAllowedBy(rule!), `${path} admits other callers than expected`).toEqual(EXPECTED[path]?.callers);
    }
  });

  it("has no public procedure other than the health check", () => {
    const publicPaths = procedures.filter(([, p]) => p._def.meta?.access.kind === "public").map(([path]) => path);
    expect(publicPaths).toEqual(["system.health"]);
  });

  it("declares an output schema on every mutation", () => {
    for (const [path, procedure] of procedures) {
      if (procedure._def.type !== "mutation") continue;
      expect((procedure._def as { output?: unknown }).output, `${path} has no .output()`).toBeDefined();
    }
  });
});

describeEachDb("role table over every procedure", (kind) => {
  let app: TestApp;
  let runId: number;
  let targetUserId: string;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    app = await createTestApp(kind);
    const users = {
      admin: await addUser(app, { email: "admin@bank.test", role: "admin" }),
      risk_manager: await addUser(app, { email: "risk@bank.test", role: "risk_manager" }),
      credit_officer: await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" }),
    };
    targetUserId = (await addUser(app, { email: "target@bank.test", role: "credit_officer", officerCode: "O099" })).id;
    ({ runId } = await seedPortfolio(app, users.risk_manager.id));
    for (const role of ROLES) cookies.set(role, await signIn(app, users[role].email));
  });
  afterAll(async () => app?.close());

  const actors: Actor[] = ["anonymous", ...ROLES];
  for (const [path] of procedures) {
    const expectation = EXPECTED[path];
    if (!expectation) continue;
    for (const actor of actors) {
      const expected = expectedOutcome(expectation, actor);
      it(`${path} as ${actor} → ${expected}`, async () => {
        const caller = await callerFor(app, actor === "anonymous" ? null : cookies.get(actor)!);
        const input = expectation.input({ runId, targetUserId });
        const segments = path.split(".");
        let fn: unknown = caller;
        for (const segment of segments) fn = (fn as Record<string, unknown>)[segment];
        let outcome: Outcome = "allowed";
        try {
          await (fn as (input: unknown) => Promise<unknown>)(input);
        } catch (error) {
          if (!(error instanceof TRPCError)) throw error;
          if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") outcome = error.code;
          // Any other error (NOT_FOUND, BAD_REQUEST…) came from the procedure's body: access was granted.
          else if (error.code === "INTERNAL_SERVER_ERROR") throw error;
        }
        expect(outcome).toBe(expected);
      });
    }
  }
});
