import { ratioPct } from "@creditseg/core";
import { officerOf, type CustomerScope, type DbHandle } from "@creditseg/db";
import {
  listCustomerGroups,
  listFoundProjectGroups,
  type CustomerGroupRow,
  type FoundProjectGroupRow,
} from "./group-queries";

/**
 * 客户群体 as a caller reads them. The whole bank reads what the run stored. A credit officer reads the same groups
 * (profile, name, guidance and warnings are the group's, found over the whole bank) with every figure that sums
 * customers or projects — size, tier / grade mix, contribution, balances, signal counts — computed in the query over
 * the officer's own members only (the officer the run recorded for each customer); groups without any of them are
 * not listed. The NPL of a group is a loan-level figure the run stored for the whole group: officers get null.
 * Views leave out the prototype (what the next run matches against): no screen reads it, and the API's serializer
 * refuses a property named `prototype`.
 */
export type CustomerGroupView = Omit<CustomerGroupRow, "prototype"> & {
  /** Members the caller sees (the whole group for the bank). */
  memberCount: number;
};

export type FoundProjectGroupView = Omit<FoundProjectGroupRow, "prototype"> & { memberCount: number };

/** A stored group row without its prototype. */
function withoutPrototype<T extends { prototype: unknown }>(row: T): Omit<T, "prototype"> {
  const { prototype: _prototype, ...rest } = row;
  return rest;
}

type ScopedCustomerFigures = {
  groupNo: number;
  memberCount: number;
  contributionFen: string;
  loanBalanceFen: string;
  tierMix: Record<string, number>;
  gradeMix: Record<string, number>;
};

/** An officer's members of each customer group of a run, with the figures summed over them (money as fen text). */
async function readOfficerCustomerFigures(
  handle: DbHandle,
  runId: number,
  officer: string,
): Promise<Map<number, ScopedCustomerFigures>> {
  const rows = await handle.raw<ScopedCustomerFigures>(
    `with members as (
       select m.group_no, r.effective_tier, r.effective_grade::text as grade, r.contribution_fen, r.loan_balance_fen
         from customer_group_members m
         join segment_results r on r.run_id = m.run_id and r.customer_id = m.customer_id
        where m.run_id = $1 and r.officer = $2)
     select g.group_no as "groupNo", g.n as "memberCount", g.contribution::text as "contributionFen",
            g.loans::text as "loanBalanceFen",
            (select jsonb_object_agg(t.effective_tier, t.n) from (select effective_tier, count(*)::int n from members x
               where x.group_no = g.group_no group by effective_tier) t) as "tierMix",
            (select jsonb_object_agg(t.grade, t.n) from (select grade, count(*)::int n from members x
               where x.group_no = g.group_no group by grade) t) as "gradeMix"
       from (select group_no, count(*)::int n, sum(contribution_fen) contribution, sum(loan_balance_fen) loans
               from members group by group_no) g
      order by g.group_no`,
    [runId, officer],
  );
  return new Map(rows.map((row) => [row.groupNo, row]));
}

/** Keeps every key of the stored mix (tiers / grades in policy order), with the officer's counts. */
function scopeMix(stored: Record<string, number>, scoped: Record<string, number>): Record<string, number> {
  const mix = Object.fromEntries(Object.keys(stored).map((key) => [key, 0]));
  for (const [key, n] of Object.entries(scoped)) mix[key] = n;
  return mix;
}

/**
 * Stored groups as the caller reads them: the whole bank reads each group with all its members; an officer reads only
 * the groups holding some of their own members, each with its figures replaced by the officer's (`withOwn`).
 */
async function scopeGroups<G extends { groupNo: number; size: number }, F extends { memberCount: number }, V>(
  groups: G[],
  scope: CustomerScope,
  readOwnFigures: (officer: string) => Promise<Map<number, F>>,
  withOwn: (group: G, own: F) => V,
): Promise<(G & { memberCount: number })[] | V[]> {
  const officer = officerOf(scope);
  if (officer === null) return groups.map((g) => ({ ...g, memberCount: g.size }));
  const figures = await readOwnFigures(officer);
  return groups.flatMap((g) => {
    const own = figures.get(g.groupNo);
    return own ? [withOwn(g, own)] : [];
  });
}

/** The run's customer groups in the caller's scope, by group number. */
export async function readCustomerGroups(
  handle: DbHandle,
  args: { runId: number; scope: CustomerScope },
): Promise<CustomerGroupView[]> {
  const groups = (await listCustomerGroups(handle, { runId: args.runId })).map(withoutPrototype);
  return scopeGroups(
    groups,
    args.scope,
    (officer) => readOfficerCustomerFigures(handle, args.runId, officer),
    (g, own): CustomerGroupView => ({
      ...g,
      memberCount: own.memberCount,
      tierMix: scopeMix(g.tierMix, own.tierMix),
      gradeMix: scopeMix(g.gradeMix, own.gradeMix),
      contributionFen: own.contributionFen,
      loanBalanceFen: own.loanBalanceFen,
      nplFen: "0",
      nplRatioPct: null,
    }),
  );
}

/** One customer group of a run in the caller's scope; null when the run has no such group (or none of the officer's). */
export async function readCustomerGroup(
  handle: DbHandle,
  args: { runId: number; groupNo: number; scope: CustomerScope },
): Promise<CustomerGroupView | null> {
  const groups = await readCustomerGroups(handle, args);
  return groups.find((g) => g.groupNo === args.groupNo) ?? null;
}

/**
 * The customer group a customer belongs to in a run, with its name, profile and guidance; null when the run did not
 * group the customer. The caller checks that the customer is in its scope first.
 */
export async function readGroupOfCustomer(
  handle: DbHandle,
  args: { runId: number; customerId: string },
): Promise<Omit<CustomerGroupRow, "prototype"> | null> {
  const [row] = await handle.raw<{ groupNo: number }>(
    `select group_no as "groupNo" from customer_group_members where run_id = $1 and customer_id = $2`,
    [args.runId, args.customerId],
  );
  if (!row) return null;
  const group = (await listCustomerGroups(handle, { runId: args.runId })).find((g) => g.groupNo === row.groupNo);
  return group ? withoutPrototype(group) : null;
}

type ScopedProjectFigures = {
  groupNo: number;
  memberCount: number;
  signalCount: number;
  loanAmountFen: string;
  totalInvestmentFen: string;
};

/** An officer's projects in each found project group of a run (sponsored by customers the run recorded for them). */
async function readOfficerProjectFigures(
  handle: DbHandle,
  runId: number,
  officer: string,
): Promise<Map<number, ScopedProjectFigures>> {
  const rows = await handle.raw<ScopedProjectFigures>(
    `select m.group_no as "groupNo", count(*)::int as "memberCount",
            (count(*) filter (where pr.has_default_signal))::int as "signalCount",
            sum(p.loan_amount_fen)::text as "loanAmountFen", sum(p.total_investment_fen)::text as "totalInvestmentFen"
       from found_project_group_members m
       join segment_runs s on s.id = m.run_id
       join project_results pr on pr.run_id = m.run_id and pr.project_id = m.project_id
       join segment_results r on r.run_id = m.run_id and r.customer_id = pr.customer_id
       join projects p on p.period = s.period and p.project_id = m.project_id
      where m.run_id = $1 and r.officer = $2
      group by m.group_no order by m.group_no`,
    [runId, officer],
  );
  return new Map(rows.map((row) => [row.groupNo, row]));
}

/**
 * The run's project groups found in data, in the caller's scope: an officer's figures are over the officer's projects
 * (signal rate by core's `ratioPct`, as the run computes it); the group-level warnings and the change against the
 * previous run stay the group's, which is what the early warning is about.
 */
export async function readFoundProjectGroups(
  handle: DbHandle,
  args: { runId: number; scope: CustomerScope },
): Promise<FoundProjectGroupView[]> {
  const groups = (await listFoundProjectGroups(handle, { runId: args.runId })).map(withoutPrototype);
  return scopeGroups(
    groups,
    args.scope,
    (officer) => readOfficerProjectFigures(handle, args.runId, officer),
    (g, own): FoundProjectGroupView => ({
      ...g,
      memberCount: own.memberCount,
      signalCount: own.signalCount,
      signalRatePct: ratioPct(own.signalCount, own.memberCount) ?? "0.00",
      loanAmountFen: own.loanAmountFen,
      totalInvestmentFen: own.totalInvestmentFen,
    }),
  );
}

/** One point of a found project group's trend: the matched group in an earlier (or this) run. */
export type FoundGroupHistoryPoint = {
  runId: number;
  period: string;
  groupNo: number;
  size: number;
  signalCount: number;
  signalRatePct: string;
  warningCodes: string[];
};

/** Runs followed back through the lineage at most: bounds the recursive read. */
const MAX_HISTORY_RUNS = 60;

/**
 * A found project group's signal rate back through the runs it was matched in (each run's group matched with a group
 * of the run before it), oldest first. An officer's points count the officer's projects only.
 */
export async function readFoundGroupHistory(
  handle: DbHandle,
  args: { runId: number; groupNo: number; scope: CustomerScope },
): Promise<FoundGroupHistoryPoint[]> {
  const lineage = await handle.raw<{ runId: number; period: string; groupNo: number; depth: number }>(
    `with recursive chain(run_id, group_no, depth) as (
       select run_id, group_no, 0 from found_project_groups where run_id = $1 and group_no = $2
       union all
       select (s.inputs->>'previousRunId')::int, g.previous_group_no, c.depth + 1
         from chain c
         join found_project_groups g on g.run_id = c.run_id and g.group_no = c.group_no
         join segment_runs s on s.id = c.run_id
        where g.previous_group_no is not null and s.inputs->>'previousRunId' is not null and c.depth < $3)
     select c.run_id as "runId", s.period, c.group_no as "groupNo", c.depth
       from chain c join segment_runs s on s.id = c.run_id
       join found_project_groups g on g.run_id = c.run_id and g.group_no = c.group_no
      order by c.depth desc`,
    [args.runId, args.groupNo, MAX_HISTORY_RUNS],
  );
  const points: FoundGroupHistoryPoint[] = [];
  for (const link of lineage) {
    const groups = await readFoundProjectGroups(handle, { runId: link.runId, scope: args.scope });
    const group = groups.find((g) => g.groupNo === link.groupNo);
    if (!group) continue;
    points.push({
      runId: link.runId,
      period: link.period,
      groupNo: link.groupNo,
      size: group.memberCount,
      signalCount: group.signalCount,
      signalRatePct: group.signalRatePct,
      warningCodes: group.warnings.map((w) => w.code),
    });
  }
  return points;
}
