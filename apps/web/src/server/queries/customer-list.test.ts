import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_CUSTOMERS, FIXTURE_PERIOD, seedPortfolio } from "../testing/portfolio-fixture";
import { addUser, createTestApp, type TestApp } from "../testing/test-app";
import { countCustomers, listCustomers } from "./customer-list";
import { resolveRun } from "./resolve-run";

describeEachDb("customer list paging over a run", (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await seedPortfolio(app, risk.id);
  });
  afterAll(async () => app?.close());

  it.each([
    ["contribution", "desc"],
    ["contribution", "asc"],
    ["loanBalance", "desc"],
    ["name", "asc"],
    ["customerId", "desc"],
  ] as const)("pages one row at a time by %s %s in the same order as sorting everything", async (sort, direction) => {
    const run = await resolveRun(app.handle.db, { period: FIXTURE_PERIOD });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listCustomers>> = await listCustomers(app.handle.db, {
        run,
        scope: { kind: "all" },
        filter: {},
        sort,
        direction,
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((row) => row.customerId));
      cursor = page.nextCursor;
    } while (cursor);
    const key = (c: (typeof FIXTURE_CUSTOMERS)[number]) =>
      sort === "contribution"
        ? c.contributionFen
        : sort === "loanBalance"
          ? c.loanBalanceFen
          : sort === "name"
            ? `企业 ${c.customerId}`
            : c.customerId;
    const expected = [...FIXTURE_CUSTOMERS]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.customerId < b.customerId ? -1 : 1))
      .map((c) => c.customerId);
    expect(seen).toEqual(direction === "asc" ? expected : expected.reverse());
  });

  it("counts a run's results in scope, with and without filters on the customer master", async () => {
    const run = await resolveRun(app.handle.db, { period: FIXTURE_PERIOD });
    expect(await countCustomers(app.handle.db, run, { kind: "all" }, {})).toBe(4);
    expect(await countCustomers(app.handle.db, run, { kind: "officer", officerCode: "O001" }, {})).toBe(2);
    expect(await countCustomers(app.handle.db, run, { kind: "all" }, { tiers: ["core"] })).toBe(2);
    expect(await countCustomers(app.handle.db, run, { kind: "all" }, { search: "C00", grades: ["AA"] })).toBe(2);
    expect(await countCustomers(app.handle.db, null, { kind: "officer", officerCode: "O002" }, {})).toBe(2);
  });
});
