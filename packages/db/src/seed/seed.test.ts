import { afterEach, beforeEach, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { createTestDb, describeEachDb } from "../testing";
import { DEMO_USERS, generateCustomer, seedDemoWorld } from "./index";

/** A content checksum of the seeded tables, to compare two seeds row for row. */
async function tableChecksums(handle: DbHandle): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const [table, key] of [
    ["customers", "customer_id"],
    ["loans", "loan_id"],
    ["deposits", "account_id"],
    ["fee_income", "line_key"],
    ["projects", "project_id"],
  ] as const) {
    const [row] = await handle.raw<{ sum: string }>(
      `select md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, '|' order by ${key}), '')) as sum from ${table} t`,
    );
    sums[table] = row!.sum;
  }
  return sums;
}

describeEachDb("demo world seed", (kind) => {
  let handle: DbHandle;
  beforeEach(async () => {
    handle = await createTestDb(kind);
  });
  afterEach(async () => {
    await handle.close();
  });

  it("loads users, an active policy, an FTP curve and every kind of record, with plausible levels", async () => {
    const summary = await seedDemoWorld(handle, { customers: 300 });
    expect(summary.isSkipped).toBe(false);
    expect(summary.customers).toBe(300);
    const [counts] = await handle.raw<Record<string, number>>(
      `select (select count(*) from users)::int users, (select count(*) from accounts where password is not null)::int credentials,
              (select count(*) from policies where status = 'active')::int active_policies, (select count(*) from ftp_curves)::int ftp_points,
              (select count(*) from loans)::int loans, (select count(*) from deposits)::int deposits, (select count(*) from fee_income)::int fees,
              (select count(*) from projects)::int projects, (select count(distinct officer) from customers)::int officers`,
    );
    expect(counts).toMatchObject({
      users: DEMO_USERS.length,
      credentials: DEMO_USERS.length,
      active_policies: 1,
      officers: 5,
    });
    expect(counts!.loans).toBe(summary.loans);
    expect(counts!.ftp_points).toBeGreaterThan(5);
    expect(summary.loans).toBeGreaterThan(600);
    const [levels] = await handle.raw<{ npl: number; min_rate: number; max_rate: number }>(
      `select (sum(avg_daily_balance_fen) filter (where classification in ('substandard','doubtful','loss')) / sum(avg_daily_balance_fen))::float8 npl,
              min(rate_pct)::float8 min_rate, max(rate_pct)::float8 max_rate from loans`,
    );
    expect(levels!.npl).toBeGreaterThan(0);
    expect(levels!.npl).toBeLessThan(0.08);
    expect(levels!.min_rate).toBeGreaterThanOrEqual(2.6);
    expect(levels!.max_rate).toBeLessThanOrEqual(7.2);
  });

  it("is deterministic for a seed and independent of page size", async () => {
    await seedDemoWorld(handle, { customers: 120, pageSize: 7, seed: 5 });
    const first = await tableChecksums(handle);
    const other = await createTestDb(kind);
    try {
      await seedDemoWorld(other, { customers: 120, pageSize: 1000, seed: 5 });
      expect(await tableChecksums(other)).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it("is idempotent: a second seed leaves the data as it was", async () => {
    await seedDemoWorld(handle, { customers: 50 });
    const before = await tableChecksums(handle);
    const again = await seedDemoWorld(handle, { customers: 80 });
    expect(again.isSkipped).toBe(true);
    expect(await tableChecksums(handle)).toEqual(before);
  });

  it("rolls back completely when a row violates a constraint part-way", async () => {
    const broken = seedDemoWorld(handle, { customers: 40, pageSize: 10, period: "20x5" });
    await expect(broken).rejects.toThrow();
    const [row] = await handle.raw<{ n: number }>(
      "select ((select count(*) from customers) + (select count(*) from users) + (select count(*) from policies))::int n",
    );
    expect(row!.n).toBe(0);
  });
});

it.each([
  [0, "C0000001"],
  [41, "C0000042"],
])("names customer %i %s and gives it at least a customer row", (index, id) => {
  const bundle = generateCustomer(index, { customers: 100, period: "2025", seed: 1 });
  expect(bundle.customer.customerId).toBe(id);
  for (const loan of bundle.loans) {
    expect(loan.maturityDate >= loan.startDate).toBe(true);
    expect(loan.days).toBeGreaterThan(0);
    expect(loan.days).toBeLessThanOrEqual(365);
    expect(loan.avgDailyBalanceFen).toBeLessThanOrEqual(loan.amountFen);
  }
});
