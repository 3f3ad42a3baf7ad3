import {
  completeSegment,
  type CustomerContribution,
  type CustomerSegments,
  type Policy,
  type ProjectRecord,
  type SegmentSummary,
} from "@creditseg/core";
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

export const CONTRIBUTION_LINE_COLUMNS = [
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
] as const;

/**
 * The contribution lines of some customers (one per loan, deposit and fee line), from the accounts core priced:
 * `classificationOf` gives a loan's class (absent: normal).
 */
export function* contributionLineRows(
  runId: number,
  contributions: Iterable<CustomerContribution>,
  classificationOf: (loanId: string) => string | undefined,
): Generator<readonly unknown[]> {
  for (const c of contributions) {
    for (const a of c.accounts) {
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
        a.side === "loan" ? (classificationOf(a.accountId) ?? "normal") : null,
      ];
    }
    // A fee line counts its amount as is: no rate, FTP, tax or days.
    for (const f of c.fees)
      yield [runId, c.customerId, "fee", f.lineKey, f.amountFen, "0", null, null, null, null, 0, f.amountFen, null];
  }
}

/**
 * The rows a run stores once every customer is segmented, built lazily (a generator per table). Contribution lines
 * and cluster assignments are written earlier, customer page by customer page (see segmentCustomerPages). Values are
 * in a fixed order: customers and projects in reading order, clusters by number, groups by key, warnings in core's
 * order. Each customer's row is completed (recommendation, from the portfolio's preferences) as it is written;
 * `depositBalanceFen` follows `data.segments`.
 */
export function buildResultRows(
  runId: number,
  data: {
    projects: readonly ProjectRecord[];
    segments: CustomerSegments;
    depositBalanceFen: ArrayLike<bigint>;
    policy: Policy;
  },
  result: SegmentSummary,
): TableRows[] {
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
      count: data.segments.length,
      rows: function* () {
        for (let i = 0; i < data.segments.length; i++) {
          const c = completeSegment(data.segments.at(i)!, result, data.policy);
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
            data.depositBalanceFen[i]!,
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
  result: SegmentSummary,
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
