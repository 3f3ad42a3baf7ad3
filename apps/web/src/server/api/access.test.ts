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

/** What the rule says an actor gets. */
function expectedOutcome(rule: AccessRule, actor: Actor): Outcome {
  if (rule.kind === "public") return "allowed";
  if (actor === "anonymous") return "UNAUTHORIZED";
  if (rule.kind === "authenticated") return "allowed";
  if (rule.kind === "permission") return can(actor, rule.permission) ? "allowed" : "FORBIDDEN";
  return rule.roles.includes(actor) ? "allowed" : "FORBIDDEN";
}

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

let sequence = 0;
/** A valid input for every procedure, so an allowed call reaches its body. Functions give fresh values per call. */
const SAMPLE_INPUTS: Record<string, (ids: { runId: number; targetUserId: string }) => unknown> = {
  "system.health": () => undefined,
  "customer.list": () => ({ period: FIXTURE_PERIOD }),
  "customer.count": () => ({}),
  "customer.facets": () => undefined,
  "customer.byId": () => ({ customerId: "C001" }),
  "loan.list": () => ({ period: FIXTURE_PERIOD }),
  "loan.sample": ({ runId }) => ({ runId, cluster: 0 }),
  "deposit.list": () => ({}),
  "project.list": () => ({}),
  "upload.list": () => ({}),
  "upload.byId": () => ({ batchId: "00000000-0000-4000-8000-000000000000" }),
  "upload.inspect": () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  "upload.validate": () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  "upload.commit": () => ({ fileId: "00000000-0000-4000-8000-000000000000", kind: "customers" }),
  "upload.rollback": () => ({ batchId: "00000000-0000-4000-8000-000000000000" }),
  "upload.mappings.list": () => ({}),
  "upload.mappings.save": () => ({
    name: `Core banking ${++sequence}`,
    kind: "customers",
    mapping: { 客户号: "customer_id" },
  }),
  "segmentRun.list": () => ({}),
  "segmentRun.byId": ({ runId }) => ({ runId }),
  "segmentRun.current": () => ({}),
  "segmentRun.start": () => ({ period: FIXTURE_PERIOD, policyVersion: 999 }),
  "segmentRun.compare": ({ runId }) => ({ fromRunId: runId, toRunId: runId }),
  "segmentRun.warningChanges": ({ runId }) => ({ runId }),
  "segment.summary": () => ({ period: FIXTURE_PERIOD }),
  "segment.clusters": () => ({}),
  "segment.projectGroups": () => ({}),
  "segment.warnings": () => ({}),
  "segment.projectGroupHistory": () => ({ groupKey: "infrastructure|east|low" }),
  "segment.migration": ({ runId }) => ({ fromRunId: runId, toRunId: runId }),
  "policy.list": () => ({}),
  "policy.byVersion": () => ({ version: 1 }),
  "policy.active": () => undefined,
  "policy.createDraft": () => ({ changeNote: "role table" }),
  "policy.update": () => ({ version: 1, document: {} }),
  "policy.validate": () => ({ document: {} }),
  "policy.diff": () => ({ version: 1 }),
  "policy.submit": () => ({ version: 1 }),
  "policy.approve": () => ({ version: 1 }),
  "policy.reject": () => ({ version: 1, comment: "Not yet." }),
  "policy.preview": () => ({ version: 1, period: FIXTURE_PERIOD }),
  "override.list": () => ({}),
  "override.propose": () => ({
    customerId: "C001",
    field: "grade",
    proposedValue: "A",
    reasonCode: "collateral_added",
    comment: "New collateral.",
  }),
  "override.confirm": () => ({ customerId: "C001", field: "tier" }),
  "override.approve": () => ({ overrideId: 999_999, comment: "Agreed.", expiresOn: addDays(bankDate(new Date()), 30) }),
  "override.reject": () => ({ overrideId: 999_999, comment: "Not supported." }),
  "user.me": () => undefined,
  "user.changePassword": () => ({ currentPassword: "not-the-password", newPassword: "Another-password-1" }),
  "user.setMyLocale": () => ({ locale: "en" }),
  "user.list": () => ({}),
  "user.create": () => ({
    email: `new-${++sequence}@bank.test`,
    name: "New user",
    role: "risk_manager",
    password: "Initial-password-1",
  }),
  "user.update": ({ targetUserId }) => ({ userId: targetUserId, name: `Renamed ${++sequence}` }),
  "user.deactivate": ({ targetUserId }) => ({ userId: targetUserId }),
  "user.reactivate": ({ targetUserId }) => ({ userId: targetUserId }),
  "user.unlock": ({ targetUserId }) => ({ userId: targetUserId }),
  "user.resetPassword": ({ targetUserId }) => ({ userId: targetUserId, newPassword: "Reset-password-123" }),
  "audit.list": () => ({}),
};

describe("the procedure table", () => {
  it("gives every procedure an access rule and a sample input", () => {
    expect(procedures.length).toBeGreaterThan(20);
    for (const [path, procedure] of procedures) {
      expect(procedure._def.meta?.access, `${path} has no access rule`).toBeDefined();
      expect(SAMPLE_INPUTS[path], `${path} has no sample input in the role table`).toBeDefined();
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
  for (const [path, procedure] of procedures) {
    const rule = procedure._def.meta?.access;
    if (!rule) continue;
    for (const actor of actors) {
      const expected = expectedOutcome(rule, actor);
      it(`${path} as ${actor} → ${expected}`, async () => {
        const caller = await callerFor(app, actor === "anonymous" ? null : cookies.get(actor)!);
        const input = SAMPLE_INPUTS[path]!({ runId, targetUserId });
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
