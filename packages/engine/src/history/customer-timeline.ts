import type { DbHandle } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

export type TimelineEntry = {
  runId: number;
  period: string;
  policyVersion: number;
  finishedAt: Date | null;
  isCurrent: boolean;
  tier: string;
  grade: string;
  cluster: number | null;
  contributionFen: bigint;
  depositContributionFen: bigint;
  loanContributionFen: bigint;
  feeIncomeFen: bigint;
  overrideTier: string | null;
  overrideGrade: string | null;
};

/**
 * A customer's results across finished runs, oldest first. With `officerCode` (a credit officer's scope) a customer
 * of another officer is NOT_FOUND, the same answer as for an unknown customer.
 */
export async function getCustomerTimeline(
  handle: DbHandle,
  args: { customerId: string; officerCode?: string },
): Promise<TimelineEntry[]> {
  const [customer] = await handle.raw<{ officer: string }>("select officer from customers where customer_id = $1", [
    args.customerId,
  ]);
  if (!customer || (args.officerCode !== undefined && customer.officer !== args.officerCode))
    throw new EngineError("NOT_FOUND", `Customer ${args.customerId} was not found.`);
  const rows = await handle.raw<{
    run_id: number;
    period: string;
    policy_version: number;
    finished_at: Date | null;
    is_current: boolean;
    tier: string;
    grade: string;
    cluster: number | null;
    contribution_fen: string;
    deposit_contribution_fen: string;
    loan_contribution_fen: string;
    fee_income_fen: string;
    override_tier: string | null;
    override_grade: string | null;
  }>(
    `select r.run_id, s.period, s.policy_version, s.finished_at, s.is_current, r.tier, r.grade::text as grade, r.cluster, r.contribution_fen::text as contribution_fen,
            r.deposit_contribution_fen::text as deposit_contribution_fen, r.loan_contribution_fen::text as loan_contribution_fen, r.fee_income_fen::text as fee_income_fen,
            r.override_tier, r.override_grade::text as override_grade
       from segment_results r join segment_runs s on s.id = r.run_id
      where r.customer_id = $1 and s.status = 'succeeded' order by s.period, s.id`,
    [args.customerId],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    period: r.period,
    policyVersion: r.policy_version,
    finishedAt: r.finished_at,
    isCurrent: r.is_current,
    tier: r.tier,
    grade: r.grade,
    cluster: r.cluster,
    contributionFen: BigInt(r.contribution_fen),
    depositContributionFen: BigInt(r.deposit_contribution_fen),
    loanContributionFen: BigInt(r.loan_contribution_fen),
    feeIncomeFen: BigInt(r.fee_income_fen),
    overrideTier: r.override_tier,
    overrideGrade: r.override_grade,
  }));
}
