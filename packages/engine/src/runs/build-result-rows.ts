import type { SegmentResult } from "@creditseg/core";
import type { PeriodData } from "../load/load-period-data";
import { toJsonText } from "../json";
import { WARNING_LEVELS, warningReason } from "./warning-reason";

/** A table's rows as COPY will write them: column names (snake_case) and value tuples. */
export type TableRows = {
  table: string;
  columns: readonly string[];
  count: number;
  rows: () => Iterable<readonly unknown[]>;
};

/** Signal rate as stored (0..1) from core's percent text. */
const toShare = (pct: string | null): number | null => (pct === null ? null : Number(pct) / 100);

/**
 * The rows a run stores, built lazily (a generator per table) so the million cluster assignments are never held
 * as a second copy. Values are in a fixed order: customers and loans in reading order, clusters by number,
 * groups by key, warnings in core's order.
 */
export function buildResultRows(runId: number, data: PeriodData, result: SegmentResult): TableRows[] {
  const depositBalance = new Map<string, bigint>();
  for (const d of data.deposits)
    depositBalance.set(d.customerId, (depositBalance.get(d.customerId) ?? 0n) + d.avgDailyBalanceFen);
  // Only loans off "normal" are kept: a map of every loan would be a second copy of the largest table.
  const offNormal = new Map<string, string>();
  for (const l of data.loans) if (l.classification !== "normal") offNormal.set(l.loanId, l.classification);
  const clustering = result.clusters;
  return [
    {
      table: "segment_results",
      columns: [
        "run_id",
        "customer_id",
        "officer",
        "deposit_contribution_fen",
        "loan_contribution_fen",
        "fee_income_fen",
        "contribution_fen",
        "loan_balance_fen",
        "deposit_balance_fen",
        "classification",
        "tier",
        "tier_trace",
        "grade",
        "grade_score",
        "grade_points",
        "cluster",
        "recommendation",
        "override_tier",
        "override_grade",
        "override_id",
        "effective_tier",
        "effective_grade",
      ],
      count: result.customers.length,
      rows: function* () {
        for (const c of result.customers) {
          const e = c.effective;
          yield [
            runId,
            c.customerId,
            c.officer,
            c.contribution.depositFen,
            c.contribution.loanFen,
            c.contribution.feeFen,
            c.contribution.totalFen,
            c.loanBalanceFen,
            depositBalance.get(c.customerId) ?? 0n,
            c.classification,
            c.tier.tier,
            toJsonText({ ruleIndex: c.tier.ruleIndex, trace: c.tier.trace }),
            c.grade.grade,
            c.grade.score.toFixed(2),
            toJsonText(c.grade.points),
            c.cluster,
            toJsonText(c.recommendation),
            e.overrideTier,
            e.overrideGrade,
            e.overrideId,
            e.tier,
            e.grade,
          ];
        }
      },
    },
    {
      table: "contribution_lines",
      columns: [
        "run_id",
        "customer_id",
        "account_kind",
        "account_id",
        "balance_fen",
        "rate_pct",
        "ftp_rate_pct",
        "ftp_max_term_months",
        "ftp_source",
        "tax_rate_pct",
        "days",
        "result_fen",
        "classification",
      ],
      count: data.loans.length + data.deposits.length + data.fees.length,
      // Read from the accounts core priced (already in memory): no second copy of a million lines is built.
      rows: function* () {
        for (const c of result.customers) {
          for (const a of c.contribution.accounts) {
            yield [
              runId,
              c.customerId,
              a.side,
              a.accountId,
              a.avgDailyBalanceFen,
              a.ratePct,
              a.ftp.ratePct,
              a.ftp.maxTermMonths,
              a.ftp.source,
              a.taxRatePct,
              a.days,
              a.contributionFen,
              a.side === "loan" ? (offNormal.get(a.accountId) ?? "normal") : null,
            ];
          }
          // A fee line counts its amount as is: no rate, FTP, tax or days.
          for (const f of c.contribution.fees)
            yield [
              runId,
              c.customerId,
              "fee",
              f.lineKey,
              f.amountFen,
              "0",
              null,
              null,
              null,
              null,
              0,
              f.amountFen,
              null,
            ];
        }
      },
    },
    {
      table: "project_results",
      columns: [
        "run_id",
        "project_id",
        "customer_id",
        "group_key",
        "has_default_signal",
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
      count: result.projects.signals.length,
      rows: function* () {
        // Core judges the projects in reading order, one signal per project.
        for (const [i, s] of result.projects.signals.entries()) {
          const p = data.projects[i]!;
          if (p.projectId !== s.projectId) throw new Error(`project ${s.projectId} out of reading order`);
          yield [
            runId,
            s.projectId,
            s.customerId,
            s.groupKey,
            s.hasDefaultSignal,
            p.name,
            p.industry,
            p.region,
            p.totalInvestmentFen,
            p.loanAmountFen,
            p.riskLevel,
            p.status,
            p.overdueDays,
            p.isDowngraded,
          ];
        }
      },
    },
    {
      table: "clusters",
      columns: ["run_id", "cluster_no", "size", "centroid_raw", "centroid", "profile", "label"],
      count: clustering?.k ?? 0,
      rows: function* () {
        if (!clustering) return;
        for (let j = 0; j < clustering.k; j++) {
          const profile = clustering.profiles[j]!;
          yield [
            runId,
            j,
            clustering.sizes[j]!,
            toJsonText(clustering.centroidsRaw[j]),
            toJsonText(clustering.centroids[j]),
            toJsonText(profile),
            toJsonText(profile.label),
          ];
        }
      },
    },
    {
      table: "cluster_assignments",
      columns: ["run_id", "loan_id", "cluster_no"],
      count: clustering ? data.loans.length : 0,
      rows: function* () {
        for (let i = 0; i < data.loans.length; i++) {
          const cluster = result.loanClusters[i]!;
          if (cluster >= 0) yield [runId, data.loans[i]!.loanId, cluster];
        }
      },
    },
    {
      table: "project_groups",
      columns: [
        "run_id",
        "group_key",
        "industry",
        "region",
        "risk_level",
        "project_count",
        "loan_amount_fen",
        "signal_rate",
        "profile",
      ],
      count: result.projects.groups.length,
      rows: function* () {
        for (const g of result.projects.groups) {
          yield [
            runId,
            g.key,
            g.industry,
            g.region,
            g.riskLevel,
            g.projectCount,
            g.loanAmountFen,
            toShare(g.signalRatePct),
            toJsonText(g),
          ];
        }
      },
    },
    {
      table: "early_warnings",
      columns: ["run_id", "group_key", "level", "signal_rate", "previous_signal_rate", "reason"],
      count: result.projects.warnings.length,
      rows: function* () {
        const groups = new Map(result.projects.groups.map((g) => [g.key, g]));
        for (const w of result.projects.warnings) {
          const group = groups.get(w.groupKey);
          yield [
            runId,
            w.groupKey,
            WARNING_LEVELS[w.kind],
            toShare(w.signalRatePct),
            toShare(group?.previousSignalRatePct ?? null),
            toJsonText(warningReason(w)),
          ];
        }
      },
    },
  ];
}

/** The run's portfolio summary (stored as jsonb): figures, tier × cluster table, clustering facts, comparison with the previous run (whose id is in the run's inputs, not here: identical results must hash alike). */
export function buildRunSummary(
  result: SegmentResult,
  extra: { overridesApplied: number; timingsMs: Record<string, number> },
): unknown {
  const c = result.clusters;
  return JSON.parse(
    toJsonText({
      ...result.portfolio,
      crossTable: result.crossTable,
      topTierPreferences: result.topTierPreferences,
      clustering: c
        ? {
            features: c.features,
            k: c.k,
            inertia: c.inertia,
            silhouette: c.silhouette,
            silhouetteSampleSize: c.silhouetteSampleSize,
            selection: c.selection,
            selectionSampleSize: c.selectionSampleSize,
            iterations: c.iterations,
            isConverged: c.isConverged,
            seed: c.seed,
            restarts: c.restarts,
            stability: c.stability,
            transform: c.transform,
            skippedReason: null,
          }
        : { skippedReason: result.clusteringSkippedReason },
      projectGroupCount: result.projects.groups.length,
      warningCount: result.projects.warnings.length,
      migration: result.migration,
      clusterMatches: result.clusterMatches,
      overridesApplied: extra.overridesApplied,
      timingsMs: extra.timingsMs,
    }),
  );
}
