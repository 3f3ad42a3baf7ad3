import { seedCustomer } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_CUSTOMERS, FIXTURE_PERIOD, seedPortfolio } from "../testing/portfolio-fixture";
import { addUser, createTestApp, type TestApp } from "../testing/test-app";
import {
  countCustomers,
  customerKeyOf,
  listCustomers,
  resolveRun,
  type CustomerListRow,
  type KeysetCursor,
} from "@creditseg/db";

describeEachDb("customer list paging over a run", (kind) => {
  let app: TestApp;
  /** What the engine's run stored per customer. */
  let results: readonly CustomerListRow[];

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    ({ results } = await seedPortfolio(app, risk.id));
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
    const key = (c: CustomerListRow) =>
      sort === "contribution"
        ? c.contributionFen!
        : sort === "loanBalance"
          ? FIXTURE_CUSTOMERS.find((f) => f.customerId === c.customerId)!.loanBalanceFen
          : sort === "name"
            ? `企业 ${c.customerId}`
            : c.customerId;
    const expected = [...results]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.customerId < b.customerId ? -1 : 1))
      .map((c) => c.customerId);
    expect(seen).toEqual(direction === "asc" ? expected : expected.reverse());
  });

  it("counts a run's results in scope, with and without filters on the customer master", async () => {
    const run = await resolveRun(app.handle.db, { period: FIXTURE_PERIOD });
    expect(await countCustomers(app.handle.db, { run: run, scope: "all", filter: {} })).toBe(4);
    expect(await countCustomers(app.handle.db, { run: run, scope: { officer: "O001" }, filter: {} })).toBe(2);
    const core = results.filter((r) => r.effectiveTier === "core").length;
    expect(await countCustomers(app.handle.db, { run: run, scope: "all", filter: { tiers: ["core"] } })).toBe(core);
    const grade = results[0]!.effectiveGrade!;
    const graded = results.filter((r) => r.effectiveGrade === grade).length;
    expect(
      await countCustomers(app.handle.db, { run: run, scope: "all", filter: { search: "C00", grades: [grade] } }),
    ).toBe(graded);
    expect(await countCustomers(app.handle.db, { run: null, scope: { officer: "O002" }, filter: {} })).toBe(2);
  });
});

describeEachDb("customer list with customers outside the run", (kind) => {
  let app: TestApp;
  /** The run's customers by stored contribution, highest first. */
  let byContribution: string[];
  let core: string[];

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    const { results } = await seedPortfolio(app, risk.id);
    const sorted = [...results].sort((a, b) =>
      a.contributionFen! > b.contributionFen! ? -1 : a.contributionFen! < b.contributionFen! ? 1 : 0,
    );
    byContribution = sorted.map((r) => r.customerId);
    core = sorted.filter((r) => r.effectiveTier === "core").map((r) => r.customerId);
    // Uploaded after the run: on the master, with no result in run 1.
    await seedCustomer(app.handle.db, { customerId: "C005", officer: "O001" });
  });
  afterAll(async () => app?.close());

  /** Every row, two at a time, as the list pages them. */
  async function listAll(sort: "contribution" | "customerId", direction: "asc" | "desc", filter = {}) {
    const run = await resolveRun(app.handle.db, { period: FIXTURE_PERIOD });
    const rows: Awaited<ReturnType<typeof listCustomers>> = [];
    let after: KeysetCursor | null = null;
    for (;;) {
      const page = await listCustomers(app.handle.db, { run, scope: "all", filter, sort, direction, limit: 2, after });
      if (page.length === 0) break;
      rows.push(...page);
      after = customerKeyOf(page.at(-1)!, sort, run !== null);
    }
    return rows;
  }

  it("lists every customer, one outside the run last by contribution and with no segment", async () => {
    const rows = await listAll("contribution", "desc");
    expect(rows.map((row) => row.customerId)).toEqual([...byContribution, "C005"]);
    expect(rows.at(-1)).toMatchObject({ customerId: "C005", effectiveTier: null, tier: null, contributionFen: null });
    expect((await listAll("contribution", "asc")).map((row) => row.customerId)).toEqual([
      "C005",
      ...[...byContribution].reverse(),
    ]);
    expect((await listAll("customerId", "asc")).map((row) => row.customerId)).toEqual([
      "C001",
      "C002",
      "C003",
      "C004",
      "C005",
    ]);
  });

  it("pages an officer's book by contribution one row at a time, the run's customers then the one outside it", async () => {
    const run = await resolveRun(app.handle.db, { period: FIXTURE_PERIOD });
    const inBook = new Set(
      (
        await listCustomers(app.handle.db, {
          run,
          scope: { officer: "O001" },
          filter: {},
          sort: "customerId",
          direction: "asc",
          limit: 10,
        })
      ).map((row) => row.customerId),
    );
    for (const direction of ["desc", "asc"] as const) {
      const seen: string[] = [];
      let after: KeysetCursor | null = null;
      for (;;) {
        const page = await listCustomers(app.handle.db, {
          run,
          scope: { officer: "O001" },
          filter: {},
          sort: "contribution",
          direction,
          limit: 1,
          after,
        });
        if (page.length === 0) break;
        seen.push(page[0]!.customerId);
        after = customerKeyOf(page[0]!, "contribution", true);
      }
      const expected = [...byContribution.filter((id) => inBook.has(id)), "C005"];
      expect(seen).toEqual(direction === "desc" ? expected : expected.reverse());
    }
  });

  it("counts the customer outside the run in its officer's book, and not under a tier filter", async () => {
    const run = await resolveRun(app.handle.db, { period: FIXTURE_PERIOD });
    expect(await countCustomers(app.handle.db, { run, scope: "all", filter: {} })).toBe(5);
    expect(await countCustomers(app.handle.db, { run, scope: { officer: "O001" }, filter: {} })).toBe(3);
    expect(await countCustomers(app.handle.db, { run, scope: "all", filter: { tiers: ["core"] } })).toBe(core.length);
    expect(await countCustomers(app.handle.db, { run, scope: "all", filter: { industries: ["制造业"] } })).toBe(1);
    expect((await listAll("contribution", "desc", { tiers: ["core"] })).map((row) => row.customerId)).toEqual(core);
  });
});
