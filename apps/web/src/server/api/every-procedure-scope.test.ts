import { addDays, bankDate } from "@creditseg/core/calendar";
import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitForBackgroundRuns } from "../runs/job-queue";
import { callerFor, createTestApp, signIn, type TestApp } from "../testing/test-app";
import { appRouter } from "./root";

const PERIOD = "2025";
/** The demo officer the test signs in as; every other officer's book is "theirs". */
const OWN_OFFICER = "O001";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Seeded = { ownCustomer: string; otherCustomer: string; ownOverrideId: number; runIds: number[] };
/** How an officer's call must end: with data (scanned for leaks) or refused with this tRPC code. */
type Outcome = "data" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";
type Case = { outcome: Outcome; call: (caller: Caller, seeded: Seeded) => Promise<unknown> };

/**
 * Every procedure of the app router, called as a credit officer. A procedure added to the router without a row here
 * fails the test, so a new procedure cannot ship without proving its scope. Inputs aim at the other officers' data
 * where the procedure takes an id (their customer, their loans), so a missing WHERE shows.
 */
const CASES: Record<string, Case> = {
  "system.health": { outcome: "data", call: (c) => c.system.health() },
  "customer.list": { outcome: "data", call: (c) => c.customer.list({ limit: 200 }) },
  "customer.facets": { outcome: "data", call: (c) => c.customer.facets() },
  "customer.count": { outcome: "data", call: (c) => c.customer.count({ officer: "O002" }) },
  "customer.byId": { outcome: "NOT_FOUND", call: (c, s) => c.customer.byId({ customerId: s.otherCustomer }) },
  // The job's row (the file's rows are the list's, in the officer's scope: the engine's export test reads them back).
  "customerExport.request": {
    outcome: "data",
    call: (c) => c.customerExport.request({ officer: "O002", format: "csv", sort: "contribution", direction: "desc" }),
  },
  "customerExport.byId": {
    outcome: "NOT_FOUND",
    call: (c) => c.customerExport.byId({ jobId: "00000000-0000-4000-8000-000000000000" }),
  },
  "loan.list": { outcome: "data", call: (c, s) => c.loan.list({ limit: 200, customerId: s.otherCustomer }) },
  "loan.sample": { outcome: "data", call: (c) => c.loan.sample({ cluster: 0, size: 500 }) },
  "deposit.list": { outcome: "data", call: (c) => c.deposit.list({ limit: 200 }) },
  "project.list": { outcome: "data", call: (c) => c.project.list({ limit: 200, hasSignal: true, period: PERIOD }) },
  "upload.list": { outcome: "FORBIDDEN", call: (c) => c.upload.list({}) },
  "upload.columns": { outcome: "FORBIDDEN", call: (c) => c.upload.columns({ kind: "customers" }) },
  "upload.byId": {
    outcome: "FORBIDDEN",
    call: (c) => c.upload.byId({ batchId: "00000000-0000-4000-8000-000000000000" }),
  },
  "upload.inspect": { outcome: "FORBIDDEN", call: (c) => c.upload.inspect({ uploadId: "x" } as never) },
  "upload.validate": { outcome: "FORBIDDEN", call: (c) => c.upload.validate({ uploadId: "x" } as never) },
  "upload.commit": { outcome: "FORBIDDEN", call: (c) => c.upload.commit({ uploadId: "x" } as never) },
  "upload.commitInBackground": {
    outcome: "FORBIDDEN",
    call: (c) => c.upload.commitInBackground({ uploadId: "x" } as never),
  },
  "upload.importJob": { outcome: "FORBIDDEN", call: (c) => c.upload.importJob({ jobId: "x" }) },
  "upload.rollback": { outcome: "FORBIDDEN", call: (c) => c.upload.rollback({ batchId: "x" }) },
  "upload.mappings.list": { outcome: "FORBIDDEN", call: (c) => c.upload.mappings.list({}) },
  "upload.mappings.save": { outcome: "FORBIDDEN", call: (c) => c.upload.mappings.save({} as never) },
  "segmentRun.list": { outcome: "data", call: (c) => c.segmentRun.list({ limit: 100 }) },
  "segmentRun.byId": { outcome: "data", call: (c, s) => c.segmentRun.byId({ runId: s.runIds.at(-1)! }) },
  "segmentRun.current": { outcome: "data", call: (c) => c.segmentRun.current({}) },
  "segmentRun.start": { outcome: "FORBIDDEN", call: (c) => c.segmentRun.start({ period: PERIOD }) },
  "segmentRun.cancel": { outcome: "FORBIDDEN", call: (c, s) => c.segmentRun.cancel({ runId: s.runIds.at(-1)! }) },
  "segmentRun.compare": {
    outcome: "data",
    call: (c, s) => c.segmentRun.compare({ fromRunId: s.runIds[0]!, toRunId: s.runIds.at(-1)! }),
  },
  "segmentRun.warningChanges": {
    outcome: "data",
    call: (c, s) => c.segmentRun.warningChanges({ runId: s.runIds.at(-1)! }),
  },
  "segment.summary": { outcome: "data", call: (c) => c.segment.summary({}) },
  "segment.clusters": { outcome: "data", call: (c) => c.segment.clusters({}) },
  "segment.projectGroups": { outcome: "data", call: (c) => c.segment.projectGroups({}) },
  "segment.projectGroupHistory": { outcome: "data", call: projectGroupHistories },
  "segment.warnings": { outcome: "data", call: (c) => c.segment.warnings({}) },
  "segment.migration": {
    outcome: "data",
    call: async (c, s) =>
      Promise.all(
        (["tier", "grade", "cluster"] as const).map((dimension) =>
          c.segment.migration({ fromRunId: s.runIds[0]!, toRunId: s.runIds.at(-1)!, dimension }),
        ),
      ),
  },
  "group.customerGroups": { outcome: "data", call: (c) => c.group.customerGroups({}) },
  "group.customerGroup": { outcome: "data", call: ownCustomerGroups },
  "group.projectGroups": { outcome: "data", call: (c) => c.group.projectGroups({}) },
  "group.projectGroupHistory": { outcome: "data", call: foundGroupHistories },
  "group.ofCustomer": { outcome: "NOT_FOUND", call: (c, s) => c.group.ofCustomer({ customerId: s.otherCustomer }) },
  "policy.list": { outcome: "data", call: (c) => c.policy.list({}) },
  "policy.byVersion": { outcome: "data", call: (c) => c.policy.byVersion({ version: 1 }) },
  "policy.active": { outcome: "data", call: (c) => c.policy.active() },
  "policy.createDraft": { outcome: "FORBIDDEN", call: (c) => c.policy.createDraft({}) },
  "policy.update": { outcome: "FORBIDDEN", call: (c) => c.policy.update({} as never) },
  "policy.validate": { outcome: "FORBIDDEN", call: (c) => c.policy.validate({ document: {} }) },
  "policy.diff": { outcome: "data", call: (c) => c.policy.diff({ version: 1 }) },
  "policy.submit": { outcome: "FORBIDDEN", call: (c) => c.policy.submit({} as never) },
  "policy.approve": { outcome: "FORBIDDEN", call: (c) => c.policy.approve({} as never) },
  "policy.reject": { outcome: "FORBIDDEN", call: (c) => c.policy.reject({} as never) },
  "policy.requestPreview": { outcome: "FORBIDDEN", call: (c) => c.policy.requestPreview({} as never) },
  "policy.previewJob": { outcome: "FORBIDDEN", call: (c) => c.policy.previewJob({} as never) },
  "override.list": { outcome: "data", call: (c) => c.override.list({ limit: 200 }) },
  "override.propose": {
    outcome: "NOT_FOUND",
    call: (c, s) =>
      c.override.propose({
        customerId: s.otherCustomer,
        field: "tier",
        proposedValue: "core",
        reasonCode: "collateral_added",
        comment: "scope probe",
      }),
  },
  "override.confirm": {
    outcome: "data",
    call: (c, s) => c.override.confirm({ customerId: s.ownCustomer, field: "grade" }),
  },
  "override.approve": {
    outcome: "FORBIDDEN",
    call: (c, s) => c.override.approve({ overrideId: s.ownOverrideId, comment: "x", expiresOn: "2030-01-01" }),
  },
  "override.reject": {
    outcome: "FORBIDDEN",
    call: (c, s) => c.override.reject({ overrideId: s.ownOverrideId, comment: "x" }),
  },
  "user.me": { outcome: "data", call: (c) => c.user.me() },
  "user.changePassword": {
    outcome: "BAD_REQUEST",
    call: (c) => c.user.changePassword({ currentPassword: "not-the-password", newPassword: "Another-pass-2025" }),
  },
  "user.setMyLocale": { outcome: "data", call: (c) => c.user.setMyLocale({ locale: "zh-CN" }) },
  "user.list": { outcome: "FORBIDDEN", call: (c) => c.user.list({}) },
  "user.create": { outcome: "FORBIDDEN", call: (c) => c.user.create({} as never) },
  "user.update": { outcome: "FORBIDDEN", call: (c) => c.user.update({} as never) },
  "user.deactivate": { outcome: "FORBIDDEN", call: (c) => c.user.deactivate({ userId: "demo-admin" }) },
  "user.reactivate": { outcome: "FORBIDDEN", call: (c) => c.user.reactivate({ userId: "demo-admin" }) },
  "user.unlock": { outcome: "FORBIDDEN", call: (c) => c.user.unlock({ userId: "demo-admin" }) },
  "user.resetPassword": { outcome: "FORBIDDEN", call: (c) => c.user.resetPassword({} as never) },
  "audit.list": { outcome: "FORBIDDEN", call: (c) => c.audit.list({}) },
};

/** The history of every group the officer sees, and of every group the bank has (other officers' groups included). */
async function projectGroupHistories(caller: Caller): Promise<unknown> {
  const { groups } = await caller.segment.projectGroups({});
  const keys = new Set(groups.map((g) => g.groupKey));
  return Promise.all([...keys].map((groupKey) => caller.segment.projectGroupHistory({ groupKey })));
}

/** Each customer group the officer sees, read one by one (figures over the officer's members). */
async function ownCustomerGroups(caller: Caller): Promise<unknown> {
  const { run, groups } = await caller.group.customerGroups({});
  return Promise.all(groups.map((g) => caller.group.customerGroup({ runId: run!.id, groupNo: g.groupNo })));
}

/** The trend of every found project group the officer sees. */
async function foundGroupHistories(caller: Caller): Promise<unknown> {
  const { run, groups } = await caller.group.projectGroups({});
  return Promise.all(groups.map((g) => caller.group.projectGroupHistory({ runId: run!.id, groupNo: g.groupNo })));
}

/** Every leaf of a result as text: strings, numbers, bigints and dates (superjson-free, so nothing hides in a type). */
function leavesOf(value: unknown, out: string[] = []): string[] {
  if (value === null || value === undefined) return out;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") out.push(String(value));
  else if (typeof value === "string") out.push(value);
  else if (value instanceof Date) out.push(value.toISOString());
  else if (Array.isArray(value)) for (const item of value) leavesOf(item, out);
  else if (typeof value === "object") for (const item of Object.values(value)) leavesOf(item, out);
  return out;
}

type Secrets = { ids: Set<string>; figures: Set<string> };

/**
 * What belongs only to other officers' customers: their customer, loan, deposit-account and project ids, and the
 * money figures (fen) of their results, loans and projects that no own record shares, plus the bank-wide totals.
 * Read from what the seed and the engine wrote.
 */
async function readOthersSecrets(app: TestApp, runIds: number[]): Promise<Secrets> {
  const raw = app.handle.raw;
  const idRows = await raw<{ id: string; is_own: boolean }>(
    `select customer_id as id, officer = $1 as is_own from customers
     union all select l.loan_id, c.officer = $1 from loans l join customers c using (customer_id)
     union all select d.account_id, c.officer = $1 from deposits d join customers c using (customer_id)
     union all select p.project_id, c.officer = $1 from projects p join customers c using (customer_id)`,
    [OWN_OFFICER],
  );
  const ownIds = new Set(idRows.filter((r) => r.is_own).map((r) => r.id));
  const ids = new Set(idRows.filter((r) => !r.is_own && !ownIds.has(r.id)).map((r) => r.id));
  const figureRows = await raw<{ fen: string; is_own: boolean }>(
    `select v::text as fen, officer = $1 as is_own from segment_results r,
       lateral (values (r.contribution_fen), (r.loan_balance_fen), (r.deposit_balance_fen), (r.loan_contribution_fen), (r.deposit_contribution_fen)) as x(v)
       where r.run_id = any($2::int[])
     union all select v::text, c.officer = $1 from loans l join customers c using (customer_id),
       lateral (values (l.amount_fen), (l.avg_daily_balance_fen)) as x(v)
     union all select v::text, c.officer = $1 from projects p join customers c using (customer_id),
       lateral (values (p.total_investment_fen), (p.loan_amount_fen)) as x(v)
     union all select sum(r.contribution_fen)::text, false from segment_results r where r.run_id = any($2::int[]) group by r.run_id
     union all select sum(r.loan_balance_fen)::text, false from segment_results r where r.run_id = any($2::int[]) group by r.run_id`,
    [OWN_OFFICER, runIds],
  );
  const ownFigures = new Set(figureRows.filter((r) => r.is_own).map((r) => r.fen));
  // Small amounts (under 10,000 yuan) could equal an own figure or a count by chance; they prove nothing either way.
  const figures = new Set(
    figureRows
      .filter(
        (r) => !r.is_own && !ownFigures.has(r.fen) && (BigInt(r.fen) >= 1_000_000n || BigInt(r.fen) <= -1_000_000n),
      )
      .map((r) => r.fen),
  );
  return { ids, figures };
}

function findLeaks(result: unknown, secrets: Secrets): string[] {
  return leavesOf(result).filter((leaf) => secrets.ids.has(leaf) || secrets.figures.has(leaf));
}

/**
 * Project-finance projects of the officer's and others' customers, loaded through the real import: groups mixing
 * both officers, and one-project groups of others (whose figures would be that project's own).
 */
async function importProjects(app: TestApp): Promise<void> {
  const rows = await app.handle.raw<{ customer_id: string; officer: string }>(
    "select customer_id, officer from customers order by customer_id",
  );
  const own = rows.filter((r) => r.officer === OWN_OFFICER).slice(0, 2);
  const others = rows.filter((r) => r.officer !== OWN_OFFICER).slice(0, 3);
  const line = (id: string, customerId: string, industry: string, risk: string, loanYuan: number, overdue: number) =>
    `${id},${customerId},项目${id},${industry},浙江,${loanYuan * 2}.00,${loanYuan}.00,${risk},建设期,${overdue},否`;
  const lines = [
    "project_id,customer_id,name,industry,region,total_investment,loan_amount,risk_level,status,overdue_days,downgraded",
    line("P-A1", own[0]!.customer_id, "基础设施", "medium", 31_234_567, 0),
    line("P-A2", own[1]!.customer_id, "基础设施", "medium", 42_345_678, 120),
    line("P-B1", others[0]!.customer_id, "基础设施", "medium", 53_456_789, 0),
    line("P-B2", others[1]!.customer_id, "基础设施", "medium", 64_567_891, 95),
    line("P-B3", others[2]!.customer_id, "制造业", "high", 75_678_912, 200),
    line("P-B4", others[0]!.customer_id, "公共服务", "low", 86_789_123, 0),
  ];
  const report = await commitImport({
    handle: app.handle,
    kind: "projects",
    period: PERIOD,
    file: bufferSource("projects.csv", new TextEncoder().encode(`${lines.join("\n")}\n`)),
    actor: { id: "demo-admin", role: "admin" },
  });
  expect(report.status).toBe("committed");
}

async function outcomeOf(call: Promise<unknown>): Promise<{ outcome: string; result: unknown }> {
  try {
    return { outcome: "data", result: await call };
  } catch (error) {
    return { outcome: (error as { code?: string }).code ?? "UNKNOWN", result: null };
  }
}

describeEachDb("every procedure in a credit officer's scope", (kind) => {
  let app: TestApp;
  let officer: Caller;
  let risk: Caller;
  let seeded: Seeded;
  let secrets: Secrets;

  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemoWorld(app.handle, { customers: 60, period: PERIOD, seed: 11 });
    await importProjects(app);
    officer = await callerFor(app, await signIn(app, "officer@creditseg.local", DEMO_PASSWORD));
    risk = await callerFor(app, await signIn(app, "risk@creditseg.local", DEMO_PASSWORD));
    const runIds: number[] = [];
    runIds.push((await risk.segmentRun.start({ period: PERIOD })).id);
    await waitForBackgroundRuns();
    const own = await officer.customer.list({ limit: 1, sort: "contribution", direction: "asc" });
    const ownCustomer = own.items[0]!.customerId;
    const proposal = await officer.override.propose({
      customerId: ownCustomer,
      field: "tier",
      proposedValue: "core",
      reasonCode: "collateral_added",
      comment: "new collateral",
    });
    const risk2 = await callerFor(app, await signIn(app, "risk2@creditseg.local", DEMO_PASSWORD));
    await risk2.override.approve({
      overrideId: proposal.id,
      comment: "agreed",
      expiresOn: addDays(bankDate(new Date()), 30),
    });
    runIds.push((await risk.segmentRun.start({ period: PERIOD })).id);
    await waitForBackgroundRuns();
    const all = await risk.customer.list({ limit: 200 });
    const otherCustomer = all.items.find((c) => c.officer !== OWN_OFFICER)!.customerId;
    seeded = { ownCustomer, otherCustomer, ownOverrideId: proposal.id, runIds };
    secrets = await readOthersSecrets(app, runIds);
  }, 300_000);
  afterAll(async () => {
    await waitForBackgroundRuns();
    await app?.close();
  });

  it("has a case for every procedure of the app router, and no case for one that does not exist", () => {
    const paths = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(CASES).sort()).toEqual(paths);
  });

  it("sees data of other officers in the risk manager's answers, so the scan below can find a leak", async () => {
    expect(secrets.ids.size).toBeGreaterThan(50);
    expect(secrets.figures.size).toBeGreaterThan(50);
    const riskView = await Promise.all([
      risk.customer.list({ limit: 200 }),
      risk.segment.projectGroups({}),
      risk.segmentRun.byId({ runId: seeded.runIds.at(-1)! }),
    ]);
    for (const answer of riskView) expect(findLeaks(answer, secrets).length).toBeGreaterThan(0);
  });

  it("gives the officer project groups over the officer's own projects, and the officer's own customers", async () => {
    const [{ groups }, page] = await Promise.all([
      officer.segment.projectGroups({}),
      officer.customer.list({ limit: 200 }),
    ]);
    const [row] = await app.handle.raw<{ n: number }>(
      "select count(*)::int as n from projects p join customers c using (customer_id) where p.period = $1 and c.officer = $2",
      [PERIOD, OWN_OFFICER],
    );
    expect(row!.n).toBeGreaterThan(0);
    expect(groups.reduce((n, g) => n + g.projectCount, 0)).toBe(row!.n);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((c) => c.officer === OWN_OFFICER)).toBe(true);
  });

  it.each(Object.entries(CASES))("%s answers an officer within the officer's book", async (_path, testCase) => {
    const { outcome, result } = await outcomeOf(testCase.call(officer, seeded));
    expect(outcome).toBe(testCase.outcome);
    expect(findLeaks(result, secrets)).toEqual([]);
  });
});
