import type { ClusterLabel } from "@creditseg/core/clustering";
import type { DbHandle } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

/** One customer's line in a run export: amounts in fen, the effective tier / grade beside the computed ones. */
export type RunExportRow = {
  customerId: string;
  name: string;
  officer: string;
  depositContributionFen: bigint;
  loanContributionFen: bigint;
  feeIncomeFen: bigint;
  contributionFen: bigint;
  classification: string;
  /** What the customer counts as: the override's value where one applied at the run's as-of date, else computed. */
  effectiveTier: string;
  effectiveGrade: string;
  /** As the policy computed them. */
  tier: string;
  grade: string;
  gradeScore: string;
  cluster: number | null;
  /** The cluster's name as code + parameters (render it with core's renderClusterLabel in the language asked). */
  clusterLabel: ClusterLabel | null;
  recommendationAction: string | null;
  /** The recommendation's reason code (core RecommendationReason), as in the run's stored recommendation. */
  recommendationReason: string | null;
  overrideTier: string | null;
  overrideGrade: string | null;
  overrideId: number | null;
};

const PAGE_SIZE = 5_000;

/**
 * Streams a finished run's per-customer results in customer order, a page at a time (memory stays bounded at
 * 100,000 customers). With `officerCode`, only that officer's customers as assigned at run time.
 */
export async function* readRunExport(
  handle: DbHandle,
  args: { runId: number; officerCode?: string },
): AsyncGenerator<RunExportRow[]> {
  const [run] = await handle.raw<{ status: string }>("select status::text as status from segment_runs where id = $1", [
    args.runId,
  ]);
  if (!run) throw new EngineError("NOT_FOUND", `Segment run ${args.runId} does not exist.`);
  if (run.status !== "succeeded")
    throw new EngineError(
      "CONFLICT",
      `Segment run ${args.runId} is ${run.status}; only a finished run can be exported.`,
    );
  let lastId: string | null = null;
  for (;;) {
    const rows: Record<string, unknown>[] = await handle.raw(
      `select r.customer_id, coalesce(c.name, '') as name, r.officer, r.deposit_contribution_fen::text as deposit_fen, r.loan_contribution_fen::text as loan_fen,
              r.fee_income_fen::text as fee_fen, r.contribution_fen::text as total_fen, r.classification::text as classification, r.effective_tier, r.effective_grade::text as effective_grade, r.tier, r.grade::text as grade,
              r.grade_score::text as grade_score, r.cluster, k.label as cluster_label, r.recommendation->>'action' as action, r.recommendation->'reason'->>'code' as reason_code,
              r.override_tier, r.override_grade::text as override_grade, r.override_id
         from segment_results r
         left join customers c on c.customer_id = r.customer_id
         left join clusters k on k.run_id = r.run_id and k.cluster_no = r.cluster
        where r.run_id = $1 and ($2::text is null or r.officer = $2) and ($3::text is null or r.customer_id > $3)
        order by r.customer_id limit $4`,
      [args.runId, args.officerCode ?? null, lastId, PAGE_SIZE],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      customerId: r.customer_id as string,
      name: r.name as string,
      officer: r.officer as string,
      depositContributionFen: BigInt(r.deposit_fen as string),
      loanContributionFen: BigInt(r.loan_fen as string),
      feeIncomeFen: BigInt(r.fee_fen as string),
      contributionFen: BigInt(r.total_fen as string),
      classification: r.classification as string,
      effectiveTier: r.effective_tier as string,
      effectiveGrade: r.effective_grade as string,
      tier: r.tier as string,
      grade: r.grade as string,
      gradeScore: r.grade_score as string,
      cluster: r.cluster as number | null,
      clusterLabel: r.cluster_label as ClusterLabel | null,
      recommendationAction: r.action as string | null,
      recommendationReason: r.reason_code as string | null,
      overrideTier: r.override_tier as string | null,
      overrideGrade: r.override_grade as string | null,
      overrideId: r.override_id as number | null,
    }));
    if (rows.length < PAGE_SIZE) return;
    lastId = rows[rows.length - 1]!.customer_id as string;
  }
}
