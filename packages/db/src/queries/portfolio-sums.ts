import { NON_PERFORMING } from "@creditseg/core/constants";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { clusterAssignments, contributionLines, segmentResults } from "../schema";
import { inScope, type CustomerScope } from "./customer-scope";

const r = segmentResults;
const cl = contributionLines;
const ca = clusterAssignments;

const grouped = (column: Parameters<typeof sql>[1]) => sql<number>`grouping(${column})`.mapWith(Number);

/**
 * A run's results in scope summed by effective tier, effective grade, cluster, tier × cluster and overall (grouping
 * sets; the `grouped*` flags say which columns a row is rolled up over).
 */
export function sumResultsBySegment(db: Db, args: { runId: number; scope: CustomerScope }) {
  return db
    .select({
      tier: r.effectiveTier,
      grade: r.effectiveGrade,
      cluster: r.cluster,
      groupedTier: grouped(r.effectiveTier),
      groupedGrade: grouped(r.effectiveGrade),
      groupedCluster: grouped(r.cluster),
      customers: sql<number>`count(*)`.mapWith(Number),
      loanBalanceFen: sql<bigint>`coalesce(sum(${r.loanBalanceFen}), 0)`.mapWith(BigInt),
      depositBalanceFen: sql<bigint>`coalesce(sum(${r.depositBalanceFen}), 0)`.mapWith(BigInt),
      contributionFen: sql<bigint>`coalesce(sum(${r.contributionFen}), 0)`.mapWith(BigInt),
    })
    .from(r)
    .where(and(eq(r.runId, args.runId), inScope(r.officer, args.scope)))
    .groupBy(
      sql`grouping sets ((${r.effectiveTier}), (${r.effectiveGrade}), (${r.cluster}), (${r.effectiveTier}, ${r.cluster}), ())`,
    );
}

/**
 * Loan balances (average daily, fen) of the run's stored loan lines of customers in scope, all and non-performing by
 * the classification the run read, by their customer's effective tier and grade, by the loan's own cluster, and
 * overall: what the run stored, never today's loan rows (an amend import after the run changes nothing here).
 */
export function sumLoanBalancesBySegment(db: Db, args: { runId: number; scope: CustomerScope }) {
  return db
    .select({
      tier: r.effectiveTier,
      grade: r.effectiveGrade,
      cluster: ca.clusterNo,
      groupedTier: grouped(r.effectiveTier),
      groupedGrade: grouped(r.effectiveGrade),
      groupedCluster: grouped(ca.clusterNo),
      loanBalanceFen: sql<bigint>`coalesce(sum(${cl.balanceFen}), 0)`.mapWith(BigInt),
      nplBalanceFen:
        sql<bigint>`coalesce(sum(${cl.balanceFen}) filter (where ${inArray(cl.classification, [...NON_PERFORMING])}), 0)`.mapWith(
          BigInt,
        ),
    })
    .from(cl)
    .innerJoin(r, and(eq(r.runId, cl.runId), eq(r.customerId, cl.customerId)))
    .leftJoin(ca, and(eq(ca.runId, cl.runId), eq(ca.loanId, cl.accountId)))
    .where(and(eq(cl.runId, args.runId), eq(cl.accountKind, "loan"), inScope(r.officer, args.scope)))
    .groupBy(sql`grouping sets ((${r.effectiveTier}), (${r.effectiveGrade}), (${ca.clusterNo}), ())`);
}

/**
 * Each in-scope customer's contribution in a run (fen) with its id, largest first (ties by customer id): what
 * concentration is measured on, and the order a Pareto slice's customers are taken in.
 */
export async function listContributionsDescending(db: Db, args: { runId: number; scope: CustomerScope }) {
  return db
    .select({ customerId: r.customerId, contributionFen: r.contributionFen })
    .from(r)
    .where(and(eq(r.runId, args.runId), inScope(r.officer, args.scope)))
    .orderBy(desc(r.contributionFen), r.customerId);
}
