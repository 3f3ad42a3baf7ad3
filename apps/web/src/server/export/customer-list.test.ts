import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_CUSTOMERS, FIXTURE_PERIOD, seedPortfolio } from "../testing/portfolio-fixture";
import { addUser, createTestApp, type TestApp } from "../testing/test-app";
import { countCustomers, customerKeyOf, listCustomers, resolveRun, type KeysetCursor } from "@creditseg/db";

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
    let after: KeysetCursor | null = null;
    for (;;) {
      const page = await listCustomers(app.handle.db, {
        run,
        scope: "all",
        filter: {},
        sort,
        direction,
        limit: 1,
        after,
      });
      if (page.length === 0) break;
      seen.push(...page.map((row) => row.customerId));
      after = customerKeyOf(page[0]!, sort, run !== null);
    }
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
    expect(await countCustomers(app.handle.db, { run: run, scope: "all", filter: {} })).toBe(4);
    expect(await countCustomers(app.handle.db, { run: run, scope: { officer: "O001" }, filter: {} })).toBe(2);
    expect(await countCustomers(app.handle.db, { run: run, scope: "all", filter: { tiers: ["core"] } })).toBe(2);
    expect(
      await countCustomers(app.handle.db, { run: run, scope: "all", filter: { search: "C00", grades: ["AA"] } }),
    ).toBe(2);
    expect(await countCustomers(app.handle.db, { run: null, scope: { officer: "O002" }, filter: {} })).toBe(2);
  });
});
