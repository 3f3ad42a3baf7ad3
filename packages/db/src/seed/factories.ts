import type { Role } from "@creditseg/core/constants";
import { hashPassword } from "../password";
import type { Db } from "../client";
import { accounts, customers, loans, users } from "../schema";

/** Test and e2e factories: one row with plausible defaults, any field overridable. */
export async function seedCustomer(db: Db, overrides: Partial<typeof customers.$inferInsert> = {}) {
  const customerId = overrides.customerId ?? `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const [row] = await db
    .insert(customers)
    .values({
      customerId,
      name: `测试企业${customerId}有限公司`,
      industry: "制造业",
      region: "上海",
      size: "small",
      creditRating: "AA",
      officer: "O001",
      debtRatioPct: "55.00",
      currentRatio: "1.40",
      roaPct: "5.00",
      revenueFen: 3_000_000_000n,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function seedLoan(db: Db, overrides: Partial<typeof loans.$inferInsert> & { customerId: string }) {
  const [row] = await db
    .insert(loans)
    .values({
      period: "2025",
      loanId: `LT${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
      product: "流动资金贷款",
      amountFen: 1_000_000_000n,
      ratePct: "4.350000",
      termMonths: 12,
      startDate: "2025-01-01",
      maturityDate: "2026-01-01",
      guarantee: "collateral",
      classification: "normal",
      avgDailyBalanceFen: 1_000_000_000n,
      days: 360,
      ...overrides,
    })
    .returning();
  return row!;
}

/** A user who can sign in with `password` (hashed like the authentication library does). */
export async function seedUser(
  db: Db,
  args: { email: string; role: Role; password: string; name?: string; officerCode?: string | null; id?: string },
) {
  const id = args.id ?? `u-${Math.random().toString(36).slice(2, 12)}`;
  const [user] = await db
    .insert(users)
    .values({
      id,
      email: args.email,
      name: args.name ?? args.email,
      role: args.role,
      officerCode: args.officerCode ?? null,
      emailVerified: true,
    })
    .returning();
  await db.insert(accounts).values({
    id: `${id}-credential`,
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword(args.password),
  });
  return user!;
}
