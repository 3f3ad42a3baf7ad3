import { DEFAULT_POLICY } from "@creditseg/core/policy";
import { hashPassword } from "../password";
import type { DbHandle, RawQuery } from "../client";
import { withBulkTransaction, type BulkSession } from "../bulk/bulk-session";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { generateCustomer, type CustomerBundle, type WorldOptions } from "./demo-world";

export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./demo-users";
export {
  generateCustomer,
  officerCode,
  officerCount,
  plantedCustomerGroup,
  plantedProjectGroup,
  type CustomerBundle,
  type WorldOptions,
} from "./demo-world";
export { seedCustomer, seedLoan, seedUser } from "./factories";

export type SeedOptions = {
  /** Number of customers (default 2,000). */
  customers?: number;
  /** Target number of loans (default ≈ 3 per customer). */
  loans?: number;
  /** Calendar year of the data (default "2025"). */
  period?: string;
  seed?: number;
  /** Customers generated and copied per page; memory stays bounded by one page. */
  pageSize?: number;
  onProgress?: (progress: { customersDone: number; customersTotal: number }) => void;
};

export type SeedSummary = {
  isSkipped: boolean;
  reason?: string;
  period: string;
  customers: number;
  loans: number;
  deposits: number;
  fees: number;
  projects: number;
  users: readonly { email: string; role: string }[];
};

/**
 * Seeds the demo world: demo users, the default policy as active version 1, the FTP curve, and
 * customers with loans, deposits, fee income and projects for one period. Deterministic for a seed;
 * idempotent (a database that already has customers or users is left as it is); atomic (one transaction).
 */
export async function seedDemoWorld(handle: DbHandle, options: SeedOptions = {}): Promise<SeedSummary> {
  const world: WorldOptions = {
    customers: options.customers ?? 2_000,
    loans: options.loans,
    period: options.period ?? "2025",
    seed: options.seed ?? 20_250_101,
  };
  const counts = { customers: 0, loans: 0, deposits: 0, fees: 0, projects: 0 };
  const users = DEMO_USERS.map((u) => ({ email: u.email, role: u.role }));
  const [existing] = await handle.raw<{ customers: number; users: number }>(
    "select (select count(*) from customers)::int as customers, (select count(*) from users)::int as users",
  );
  if ((existing?.customers ?? 0) > 0 || (existing?.users ?? 0) > 0) {
    return {
      isSkipped: true,
      reason: "the database already has data; `creditseg db reset` empties it",
      period: world.period,
      ...counts,
      users,
    };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const pageSize = options.pageSize ?? 5_000;
  await withBulkTransaction(handle, async (session) => {
    await insertUsers(session, passwordHash);
    await insertPolicyAndCurve(session, world.period);
    for (let start = 0; start < world.customers; start += pageSize) {
      const page: CustomerBundle[] = [];
      for (let i = start; i < Math.min(world.customers, start + pageSize); i++) page.push(generateCustomer(i, world));
      await copyPage(session, page, world.period, counts);
      options.onProgress?.({ customersDone: counts.customers, customersTotal: world.customers });
    }
    await session.raw("analyze");
  });
  return { isSkipped: false, period: world.period, ...counts, users };
}

async function insertUsers(session: BulkSession, passwordHash: string): Promise<void> {
  await session.copyRows({
    table: "users",
    columns: ["id", "name", "email", "email_verified", "role", "officer_code", "locale"],
    rows: DEMO_USERS.map((u) => [u.id, u.name, u.email, true, u.role, u.officerCode, "zh-CN"]),
  });
  await session.copyRows({
    table: "accounts",
    columns: ["id", "account_id", "provider_id", "user_id", "password"],
    rows: DEMO_USERS.map((u) => [`${u.id}-credential`, u.id, "credential", u.id, passwordHash]),
  });
}

async function insertPolicyAndCurve(session: BulkSession, period: string): Promise<void> {
  const effectiveFrom = `${period}-01-01`;
  await seedDefaultPolicy(session.raw, { effectiveFrom, proposedBy: "demo-risk", approvedBy: "demo-risk2" });
  const points = (["loan", "deposit"] as const).flatMap((side) =>
    DEFAULT_POLICY.ftp[side].map((b) => [side, b.maxTermMonths, String(b.rate), effectiveFrom] as const),
  );
  await session.copyRows({
    table: "ftp_curves",
    columns: ["side", "max_term_months", "rate_pct", "effective_from"],
    rows: points,
  });
}

/**
 * The default policy as active version 1, effective from `effectiveFrom` (YYYY-MM-DD), proposed and approved by the
 * given users (two different ones, as the four-eyes rule wants; null for none): what a bank starts from.
 */
export async function seedDefaultPolicy(
  raw: RawQuery,
  args: { effectiveFrom: string; proposedBy: string | null; approvedBy: string | null },
): Promise<void> {
  await raw(
    `insert into policies (version, name, status, document, effective_from, change_note, created_by, submitted_by, submitted_at, decided_by, decided_at, decision_comment)
     values (1, $1, 'active', $2::text::jsonb, $3, $4, $5, $5, now(), $6, now(), $7)`,
    [
      "默认政策 Default policy",
      JSON.stringify(DEFAULT_POLICY),
      args.effectiveFrom,
      "Initial policy from the seed study (贡献度分层) and the default scorecard",
      args.proposedBy,
      args.approvedBy,
      "Approved at set-up",
    ],
  );
}

async function copyPage(
  session: BulkSession,
  page: CustomerBundle[],
  period: string,
  counts: Record<"customers" | "loans" | "deposits" | "fees" | "projects", number>,
): Promise<void> {
  counts.customers += await session.copyRows({
    table: "customers",
    columns: [
      "customer_id",
      "name",
      "industry",
      "region",
      "size",
      "credit_rating",
      "officer",
      "debt_ratio_pct",
      "current_ratio",
      "roa_pct",
      "revenue_fen",
      "default_count",
    ],
    rows: page.map(({ customer: c }) => [
      c.customerId,
      c.name,
      c.industry,
      c.region,
      c.size,
      c.creditRating,
      c.officer,
      c.debtRatioPct,
      c.currentRatio,
      c.roaPct,
      c.revenueFen,
      c.defaultCount,
    ]),
  });
  counts.loans += await session.copyRows({
    table: "loans",
    columns: [
      "period",
      "loan_id",
      "customer_id",
      "product",
      "amount_fen",
      "rate_pct",
      "term_months",
      "start_date",
      "maturity_date",
      "guarantee",
      "classification",
      "avg_daily_balance_fen",
      "days",
    ],
    rows: page.flatMap((b) =>
      b.loans.map((l) => [
        period,
        l.loanId,
        l.customerId,
        l.product,
        l.amountFen,
        l.ratePct,
        l.termMonths,
        l.startDate,
        l.maturityDate,
        l.guarantee,
        l.classification,
        l.avgDailyBalanceFen,
        l.days,
      ]),
    ),
  });
  counts.deposits += await session.copyRows({
    table: "deposits",
    columns: [
      "period",
      "account_id",
      "customer_id",
      "product",
      "avg_daily_balance_fen",
      "rate_pct",
      "days",
      "term_months",
    ],
    rows: page.flatMap((b) =>
      b.deposits.map((d) => [
        period,
        d.accountId,
        d.customerId,
        d.product,
        d.avgDailyBalanceFen,
        d.ratePct,
        d.days,
        d.termMonths,
      ]),
    ),
  });
  counts.fees += await session.copyRows({
    table: "fee_income",
    columns: ["period", "line_key", "customer_id", "type", "amount_fen", "date"],
    rows: page.flatMap((b) => b.fees.map((f) => [period, f.lineKey, f.customerId, f.type, f.amountFen, f.date])),
  });
  counts.projects += await session.copyRows({
    table: "projects",
    columns: [
      "period",
      "project_id",
      "customer_id",
      "name",
      "industry",
      "region",
      "total_investment_fen",
      "loan_amount_fen",
      "risk_level",
      "status",
      "overdue_days",
      "is_downgraded",
    ],
    rows: page.flatMap((b) =>
      b.projects.map((p) => [
        period,
        p.projectId,
        p.customerId,
        p.name,
        p.industry,
        p.region,
        p.totalInvestmentFen,
        p.loanAmountFen,
        p.riskLevel,
        p.status,
        p.overdueDays,
        p.isDowngraded,
      ]),
    ),
  });
}
