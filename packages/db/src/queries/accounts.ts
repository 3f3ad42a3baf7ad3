import type { Classification, OverrideStatus } from "@creditseg/core/constants";
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type Column, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  auditLog,
  clusterAssignments,
  customers,
  foundProjectGroupMembers,
  deposits,
  loans,
  overrides,
  projectResults,
  projects,
} from "../schema";
import { inScope, type CustomerScope } from "./customer-scope";
import type { KeysetCursor } from "./keyset";
import type { ResolvedRun } from "./segment-runs";

const c = customers;
const l = loans;
const d = deposits;
const p = projects;
const ca = clusterAssignments;
const o = overrides;

/** `(period, id) > (cursor)`: the keyset condition of lists ordered by period then business id. */
function afterPeriodKey(period: Column, id: Column, after: KeysetCursor | null | undefined): SQL | undefined {
  return after ? sql`(${period}, ${id}) > (${after.value ?? ""}, ${after.id})` : undefined;
}

/**
 * Loans of customers in scope ordered by (period, loan id), `limit` of them after `after`. With `cluster`, only the
 * loans the run put in that benefit cluster (the run's period).
 */
export function listLoans(
  db: Db,
  args: {
    scope: CustomerScope;
    period?: string;
    customerId?: string;
    classifications?: readonly Classification[];
    cluster?: { run: ResolvedRun; clusterNo: number };
    after?: KeysetCursor | null;
    limit: number;
  },
) {
  const base = db
    .select({
      period: l.period,
      loanId: l.loanId,
      customerId: l.customerId,
      customerName: c.name,
      product: l.product,
      amountFen: l.amountFen,
      ratePct: l.ratePct,
      termMonths: l.termMonths,
      startDate: l.startDate,
      maturityDate: l.maturityDate,
      guarantee: l.guarantee,
      classification: l.classification,
      avgDailyBalanceFen: l.avgDailyBalanceFen,
      days: l.days,
    })
    .from(l)
    .innerJoin(c, eq(c.customerId, l.customerId));
  const cluster = args.cluster;
  const query = cluster ? base.innerJoin(ca, and(eq(ca.runId, cluster.run.id), eq(ca.loanId, l.loanId))) : base;
  return query
    .where(
      and(
        inScope(c.officer, args.scope),
        args.period ? eq(l.period, args.period) : undefined,
        args.customerId ? eq(l.customerId, args.customerId) : undefined,
        args.classifications?.length ? inArray(l.classification, [...args.classifications]) : undefined,
        cluster ? and(eq(l.period, cluster.run.period), eq(ca.clusterNo, cluster.clusterNo)) : undefined,
        afterPeriodKey(l.period, l.loanId, args.after),
      ),
    )
    .orderBy(asc(l.period), asc(l.loanId))
    .limit(args.limit);
}

/**
 * A uniform sample of a run's cluster's loans in scope, for the scatter: ordered by a hash of the loan id seeded
 * with the run id, so the same run always shows the same sample and no part of the id range is favoured.
 */
export function sampleClusterLoans(
  db: Db,
  args: { run: ResolvedRun; clusterNo: number; scope: CustomerScope; size: number },
) {
  return db
    .select({
      loanId: l.loanId,
      customerId: l.customerId,
      ratePct: l.ratePct,
      amountFen: l.amountFen,
      termMonths: l.termMonths,
    })
    .from(ca)
    .innerJoin(l, and(eq(l.period, args.run.period), eq(l.loanId, ca.loanId)))
    .innerJoin(c, eq(c.customerId, l.customerId))
    .where(and(eq(ca.runId, args.run.id), eq(ca.clusterNo, args.clusterNo), inScope(c.officer, args.scope)))
    .orderBy(sql`hashtextextended(${ca.loanId}, ${args.run.id})`, asc(ca.loanId))
    .limit(args.size);
}

/** Deposit accounts of customers in scope ordered by (period, account id), `limit` of them after `after`. */
export function listDeposits(
  db: Db,
  args: { scope: CustomerScope; period?: string; customerId?: string; after?: KeysetCursor | null; limit: number },
) {
  return db
    .select({
      period: d.period,
      accountId: d.accountId,
      customerId: d.customerId,
      customerName: c.name,
      product: d.product,
      avgDailyBalanceFen: d.avgDailyBalanceFen,
      ratePct: d.ratePct,
      days: d.days,
      termMonths: d.termMonths,
    })
    .from(d)
    .innerJoin(c, eq(c.customerId, d.customerId))
    .where(
      and(
        inScope(c.officer, args.scope),
        args.period ? eq(d.period, args.period) : undefined,
        args.customerId ? eq(d.customerId, args.customerId) : undefined,
        afterPeriodKey(d.period, d.accountId, args.after),
      ),
    )
    .orderBy(asc(d.period), asc(d.accountId))
    .limit(args.limit);
}

/**
 * Projects sponsored by customers in scope ordered by (period, project id). `signal` filters on the default
 * signal as the given run judged it (its stored project results, the rule in core), so the filter agrees with the
 * signal rates the run shows; projects of other periods than the run's then do not match.
 */
export function listProjects(
  db: Db,
  args: {
    scope: CustomerScope;
    period?: string;
    customerId?: string;
    industry?: string;
    region?: string;
    riskLevel?: string;
    signal?: { run: ResolvedRun; hasSignal: boolean } | null;
    /** Projects of one project group the run found in data (its period's projects). */
    foundGroup?: { run: ResolvedRun; groupNo: number } | null;
    /** Projects the run counted in one industry × region × risk roll-up group (its stored project results). */
    rollUpGroup?: { run: ResolvedRun; groupKey: string } | null;
    after?: KeysetCursor | null;
    limit: number;
  },
) {
  const pr = projectResults;
  const base = db
    .select({
      period: p.period,
      projectId: p.projectId,
      customerId: p.customerId,
      name: p.name,
      industry: p.industry,
      region: p.region,
      totalInvestmentFen: p.totalInvestmentFen,
      loanAmountFen: p.loanAmountFen,
      riskLevel: p.riskLevel,
      status: p.status,
      overdueDays: p.overdueDays,
      isDowngraded: p.isDowngraded,
    })
    .from(p)
    .innerJoin(c, eq(c.customerId, p.customerId));
  const signal = args.signal;
  const query = signal ? base.innerJoin(pr, and(eq(pr.runId, signal.run.id), eq(pr.projectId, p.projectId))) : base;
  return query
    .where(
      and(
        inScope(c.officer, args.scope),
        args.period ? eq(p.period, args.period) : undefined,
        args.customerId ? eq(p.customerId, args.customerId) : undefined,
        args.industry ? eq(p.industry, args.industry) : undefined,
        args.region ? eq(p.region, args.region) : undefined,
        args.riskLevel ? eq(p.riskLevel, args.riskLevel) : undefined,
        signal ? and(eq(p.period, signal.run.period), eq(pr.hasDefaultSignal, signal.hasSignal)) : undefined,
        args.foundGroup ? inFoundGroup(args.foundGroup.run, args.foundGroup.groupNo) : undefined,
        args.rollUpGroup ? inRollUpGroup(args.rollUpGroup.run, args.rollUpGroup.groupKey) : undefined,
        afterPeriodKey(p.period, p.projectId, args.after),
      ),
    )
    .orderBy(asc(p.period), asc(p.projectId))
    .limit(args.limit);
}

/**
 * A project is in a roll-up group of a run: its period's row, stored among the run's project results under the
 * group's key (the rows the group's count and signal rate, and so its warnings, were computed from).
 */
function inRollUpGroup(run: ResolvedRun, groupKey: string): SQL {
  const pr = projectResults;
  return sql`${p.period} = ${run.period} and exists (select 1 from ${pr} where ${pr.runId} = ${run.id} and ${pr.groupKey} = ${groupKey} and ${pr.projectId} = ${p.projectId})`;
}

/** A project is in a found project group of a run: its period's row, listed among the group's members. */
function inFoundGroup(run: ResolvedRun, groupNo: number): SQL {
  const m = foundProjectGroupMembers;
  return sql`${p.period} = ${run.period} and exists (select 1 from ${m} where ${m.runId} = ${run.id} and ${m.groupNo} = ${groupNo} and ${m.projectId} = ${p.projectId})`;
}

/** Overrides (the review queue) on customers in scope, newest first, `limit` of them before the id `beforeId`. */
export function listOverrideRows(
  db: Db,
  args: {
    scope: CustomerScope;
    statuses?: readonly OverrideStatus[];
    customerId?: string;
    beforeId?: number;
    limit: number;
  },
) {
  return db
    .select({
      id: o.id,
      customerId: o.customerId,
      customerName: c.name,
      runId: o.runId,
      field: o.field,
      computedValue: o.computedValue,
      proposedValue: o.proposedValue,
      reasonCode: o.reasonCode,
      comment: o.comment,
      status: o.status,
      proposedBy: o.proposedBy,
      proposedAt: o.proposedAt,
      decidedBy: o.decidedBy,
      decidedAt: o.decidedAt,
      decisionComment: o.decisionComment,
      expiresOn: o.expiresOn,
    })
    .from(o)
    .innerJoin(c, eq(c.customerId, o.customerId))
    .where(
      and(
        inScope(c.officer, args.scope),
        args.statuses?.length ? inArray(o.status, [...args.statuses]) : undefined,
        args.customerId ? eq(o.customerId, args.customerId) : undefined,
        args.beforeId !== undefined ? lt(o.id, args.beforeId) : undefined,
      ),
    )
    .orderBy(desc(o.id))
    .limit(args.limit);
}

/** The audit trail newest first, filtered by action, actor, entity and time, `limit` rows before the id `beforeId`. */
export function listAuditRows(
  db: Db,
  args: {
    actions?: readonly string[];
    actorId?: string;
    entityType?: string;
    entityId?: string;
    from?: Date;
    to?: Date;
    beforeId?: number;
    limit: number;
  },
) {
  const a = auditLog;
  return db
    .select()
    .from(a)
    .where(
      and(
        args.actions?.length ? inArray(a.action, [...args.actions]) : undefined,
        args.actorId ? eq(a.actorId, args.actorId) : undefined,
        args.entityType ? eq(a.entityType, args.entityType) : undefined,
        args.entityId ? eq(a.entityId, args.entityId) : undefined,
        args.from ? gte(a.at, args.from) : undefined,
        args.to ? lte(a.at, args.to) : undefined,
        args.beforeId !== undefined ? lt(a.id, args.beforeId) : undefined,
      ),
    )
    .orderBy(desc(a.id))
    .limit(args.limit);
}
