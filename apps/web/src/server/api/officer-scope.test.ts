import { describeEachDb } from "@creditseg/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CustomerListRow } from "@creditseg/db";
import { FIXTURE_CUSTOMERS, FIXTURE_PERIOD, seedPortfolio } from "../testing/portfolio-fixture";
import { addUser, callerFor, createTestApp, signIn, type TestApp } from "../testing/test-app";

describeEachDb("a credit officer's scope", (kind) => {
  let app: TestApp;
  let runId: number;
  /** What the engine's run stored per customer. */
  let results: readonly CustomerListRow[];
  let officerCookie: string;
  let riskCookie: string;
  const own = FIXTURE_CUSTOMERS.filter((c) => c.officer === "O001");
  const others = FIXTURE_CUSTOMERS.filter((c) => c.officer !== "O001");

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" });
    ({ runId, results } = await seedPortfolio(app, risk.id));
    officerCookie = await signIn(app, "officer@bank.test");
    riskCookie = await signIn(app, "risk@bank.test");
  });
  afterAll(async () => app?.close());
  const stored = (customerId: string) => results.find((r) => r.customerId === customerId)!;

  it("lists and counts only the officer's customers, even when asking for another officer's book", async () => {
    const caller = await callerFor(app, officerCookie);
    const page = await caller.customer.list({ period: FIXTURE_PERIOD, limit: 1 });
    expect(page.total).toBe(own.length);
    const second = await caller.customer.list({ period: FIXTURE_PERIOD, limit: 1, cursor: page.nextCursor });
    const ids = [...page.items, ...second.items].map((c) => c.customerId).sort();
    expect(ids).toEqual(own.map((c) => c.customerId).sort());
    expect(second.nextCursor).toBeNull();
    expect((await caller.customer.count({ officer: "O002" })).total).toBe(own.length);
    const asked = await caller.customer.list({ officer: "O002", search: others[0]!.customerId });
    expect(asked.items).toEqual([]);
  });

  it("answers NOT_FOUND for another officer's customer by id, and returns its own", async () => {
    const caller = await callerFor(app, officerCookie);
    const error = await caller.customer.byId({ customerId: others[0]!.customerId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    const detail = await caller.customer.byId({ customerId: own[0]!.customerId });
    expect(detail.customer.customerId).toBe(own[0]!.customerId);
    expect(detail.result?.tier).toBe(stored(own[0]!.customerId).tier);
    expect(detail.guidance).not.toBeNull();
    expect(detail.timeline.map((t) => t.runId)).toEqual([runId]);
  });

  it("computes dashboard aggregates over the officer's customers only", async () => {
    const officer = await (await callerFor(app, officerCookie)).segment.summary({ period: FIXTURE_PERIOD });
    const risk = await (await callerFor(app, riskCookie)).segment.summary({ period: FIXTURE_PERIOD });
    const sum = (list: typeof FIXTURE_CUSTOMERS) =>
      list.reduce((total, c) => total + stored(c.customerId).contributionFen!, 0n);
    expect(officer?.totals.customers).toBe(own.length);
    expect(officer?.totals.contributionFen).toBe(sum(own));
    expect(risk?.totals.customers).toBe(FIXTURE_CUSTOMERS.length);
    expect(risk?.totals.contributionFen).toBe(sum(FIXTURE_CUSTOMERS));
    expect(officer?.byTier.reduce((n, t) => n + t.customers, 0)).toBe(own.length);
    // C003 (substandard, 3,000,000 of O001's 13,000,000 loan balance) is the officer's only NPL.
    expect(officer?.totals.nplBalanceFen).toBe(300_000_000n);
    expect(officer?.totals.nplRatioPct).toBe("23.08");
  });

  it("offers filter values from the officer's own customers only, and officers only to those who see everyone", async () => {
    const facets = await (await callerFor(app, officerCookie)).customer.facets();
    // The fixture's customers are all manufacturing in the east: the counts show whose customers were counted.
    expect(facets.industries).toEqual([{ value: "manufacturing", customers: own.length }]);
    expect(facets.regions).toEqual([{ value: "east", customers: own.length }]);
    expect(facets.officers).toEqual([]);
    const all = await (await callerFor(app, riskCookie)).customer.facets();
    expect(all.officers.reduce((n, o) => n + o.customers, 0)).toBe(FIXTURE_CUSTOMERS.length);
    expect(all.industries.reduce((n, o) => n + o.customers, 0)).toBe(FIXTURE_CUSTOMERS.length);
  });

  it("scopes loans, deposits, projects, overrides and migrations to the officer's customers", async () => {
    const caller = await callerFor(app, officerCookie);
    const ownIds = own.map((c) => c.customerId).sort();
    expect((await caller.loan.list({})).items.map((l) => l.customerId).sort()).toEqual(ownIds);
    expect((await caller.deposit.list({})).items.map((d) => d.customerId).sort()).toEqual(ownIds);
    expect((await caller.project.list({})).items.map((p) => p.customerId).sort()).toEqual(ownIds);
    expect((await caller.loan.list({ customerId: others[0]!.customerId })).items).toEqual([]);
    const clusterNos = (await caller.segment.clusters({ runId })).clusters.map((cluster) => cluster.clusterNo);
    const sampled = await Promise.all(clusterNos.map((cluster) => caller.loan.sample({ runId, cluster, size: 500 })));
    expect(sampled.flatMap((sample) => sample.items.map((l) => l.customerId)).sort()).toEqual(ownIds);
    const migration = await caller.segment.migration({ fromRunId: runId, toRunId: runId });
    expect(migration.cells.reduce((n, cell) => n + cell.customers, 0)).toBe(own.length);
  });

  it("gives risk managers every customer, sorted by contribution on the server", async () => {
    const page = await (
      await callerFor(app, riskCookie)
    ).customer.list({ period: FIXTURE_PERIOD, sort: "contribution", direction: "desc" });
    const expected = [...results]
      .sort((a, b) => (a.contributionFen! > b.contributionFen! ? -1 : 1))
      .map((c) => c.customerId);
    expect(page.items.map((c) => c.customerId)).toEqual(expected);
    expect(page.total).toBe(FIXTURE_CUSTOMERS.length);
  });
});
