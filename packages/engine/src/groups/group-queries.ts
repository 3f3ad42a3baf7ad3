import type {
  CategoricalTrait,
  GroupName,
  GroupPrototype,
  GroupWarning,
  GuidanceMatch,
  NumericTrait,
} from "@creditseg/core";
import type { DbHandle } from "@creditseg/db";

/** How a run's groups were found, per subject; `skipped` holds the reason code when there were too few rows. */
export type GroupFitRow = {
  subject: "customers" | "projects";
  k: number | null;
  gamma: number | null;
  cost: number | null;
  silhouette: number | null;
  selection: { candidates: { k: number; cost: number; silhouette: number | null }[] } | null;
  stability: { mean: number; min: number; replicates: number; sampleSize: number } | null;
  attributes: { numeric: string[]; categorical: string[] } | null;
  skipped: { code: string; params: Record<string, unknown> } | null;
};

type GroupProfileColumns = {
  groupNo: number;
  size: number;
  name: GroupName;
  profile: { shareOfRows: number; numeric: NumericTrait[]; categorical: CategoricalTrait[] };
  prototype: GroupPrototype;
  previousGroupNo: number | null;
  matchCost: number | null;
};

/** A stored customer group; money as fen strings (bigint text), the NPL ratio as a percent string. */
export type CustomerGroupRow = GroupProfileColumns & {
  tierMix: Record<string, number>;
  gradeMix: Record<string, number>;
  loanBalanceFen: string;
  nplFen: string;
  nplRatioPct: string | null;
  contributionFen: string;
  guidance: GuidanceMatch[];
};

export type FoundProjectGroupRow = GroupProfileColumns & {
  totalInvestmentFen: string;
  loanAmountFen: string;
  signalCount: number;
  signalRatePct: string;
  previousSignalRatePct: string | null;
  changePctPoints: string | null;
  warnings: GroupWarning[];
};

const PROFILE_COLUMNS = `group_no as "groupNo", size, name, profile, prototype, previous_group_no as "previousGroupNo", match_cost as "matchCost"`;

/** The run's group fits (customers, projects). */
export async function listGroupFits(handle: DbHandle, args: { runId: number }): Promise<GroupFitRow[]> {
  return handle.raw<GroupFitRow>(
    `select subject, k, gamma, cost, silhouette, selection, stability, attributes, skipped from group_fits where run_id = $1 order by subject`,
    [args.runId],
  );
}

/** The run's customer groups, by number (largest first). */
export async function listCustomerGroups(handle: DbHandle, args: { runId: number }): Promise<CustomerGroupRow[]> {
  return handle.raw<CustomerGroupRow>(
    `select ${PROFILE_COLUMNS}, tier_mix as "tierMix", grade_mix as "gradeMix", loan_balance_fen::text as "loanBalanceFen",
            npl_fen::text as "nplFen", npl_ratio_pct::text as "nplRatioPct", contribution_fen::text as "contributionFen", guidance
       from customer_groups where run_id = $1 order by group_no`,
    [args.runId],
  );
}

/** The run's project groups found in data, by number, each with its group-level warnings. */
export async function listFoundProjectGroups(
  handle: DbHandle,
  args: { runId: number },
): Promise<FoundProjectGroupRow[]> {
  return handle.raw<FoundProjectGroupRow>(
    `select ${PROFILE_COLUMNS}, total_investment_fen::text as "totalInvestmentFen", loan_amount_fen::text as "loanAmountFen",
            signal_count as "signalCount", signal_rate_pct::text as "signalRatePct", previous_signal_rate_pct::text as "previousSignalRatePct",
            change_pct_points::text as "changePctPoints",
            coalesce((select jsonb_agg(jsonb_build_object('code', w.code, 'params', w.params) order by w.code)
                        from project_group_warnings w where w.run_id = g.run_id and w.group_no = g.group_no), '[]'::jsonb) as warnings
       from found_project_groups g where run_id = $1 order by group_no`,
    [args.runId],
  );
}

/** The customer group a customer belongs to in a run (null when the run grouped no customers or not this one). */
export async function findCustomerGroupNo(
  handle: DbHandle,
  args: { runId: number; customerId: string },
): Promise<number | null> {
  const [row] = await handle.raw<{ groupNo: number }>(
    `select group_no as "groupNo" from customer_group_members where run_id = $1 and customer_id = $2`,
    [args.runId, args.customerId],
  );
  return row?.groupNo ?? null;
}

/** The members of one customer group, by customer id (a page of `limit` after `afterCustomerId`). */
export async function listCustomerGroupMembers(
  handle: DbHandle,
  args: { runId: number; groupNo: number; afterCustomerId?: string; limit?: number },
): Promise<string[]> {
  const rows = await handle.raw<{ customerId: string }>(
    `select customer_id as "customerId" from customer_group_members
      where run_id = $1 and group_no = $2 and customer_id > $3 order by customer_id limit $4`,
    [args.runId, args.groupNo, args.afterCustomerId ?? "", Math.min(args.limit ?? 100, 1000)],
  );
  return rows.map((r) => r.customerId);
}
