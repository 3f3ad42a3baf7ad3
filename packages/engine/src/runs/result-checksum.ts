import { createHash } from "node:crypto";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

/**
 * A cluster row's text. Runs stored before migration 0009 held the name as words in label_zh / label_en, the same
 * words as their profile's label (which the migration leaves alone): their rows' text is rebuilt from it exactly, so
 * their stored checksum still verifies. Later rows name the cluster by code + parameters in `label`.
 */
export const CLUSTERS_CHECKSUM_ROW = `case when jsonb_typeof(profile->'label'->'zh') = 'string'
    then row(cluster_no, size, centroid_raw, centroid, profile, profile->'label'->>'zh', profile->'label'->>'en')::text
    else row(cluster_no, size, centroid_raw, centroid, profile, label)::text end`;

/**
 * The stored columns each table contributes (everything but the run id, generated ids and insert times).
 * The summary takes part without its stage timings, which differ between identical runs.
 */
const CHECKSUM_PARTS = [
  {
    table: "segment_results",
    row: `row(customer_id, officer, deposit_contribution_fen, loan_contribution_fen, fee_income_fen, contribution_fen, loan_balance_fen, deposit_balance_fen,
              classification, tier, tier_trace, grade, grade_score, grade_points, cluster, recommendation, override_tier, override_grade, override_id,
              effective_tier, effective_grade)::text`,
  },
  {
    table: "contribution_lines",
    row: `row(customer_id, account_kind, account_id, balance_fen, rate_pct, ftp_rate_pct, ftp_max_term_months, ftp_source, tax_rate_pct, days, result_fen)::text`,
  },
  { table: "project_results", row: "row(project_id, customer_id, group_key, has_default_signal)::text" },
  { table: "clusters", row: CLUSTERS_CHECKSUM_ROW },
  { table: "cluster_assignments", row: "row(loan_id, cluster_no)::text" },
  {
    table: "project_groups",
    row: "row(group_key, industry, region, risk_level, project_count, loan_amount_fen, signal_rate, profile)::text",
  },
  { table: "early_warnings", row: "row(group_key, level, signal_rate, previous_signal_rate, reason)::text" },
  {
    table: "group_fits",
    row: "row(subject, k, gamma, cost, silhouette, selection, stability, attributes, skipped)::text",
  },
  {
    table: "customer_groups",
    row: `row(group_no, size, name, profile, prototype, tier_mix, grade_mix, loan_balance_fen, npl_fen, npl_ratio_pct, contribution_fen,
              guidance, previous_group_no, match_cost)::text`,
  },
  { table: "customer_group_members", row: "row(customer_id, group_no)::text" },
  {
    table: "found_project_groups",
    row: `row(group_no, size, name, profile, prototype, total_investment_fen, loan_amount_fen, signal_count, signal_rate_pct,
              previous_signal_rate_pct, change_pct_points, previous_group_no, match_cost)::text`,
  },
  { table: "found_project_group_members", row: "row(project_id, group_no)::text" },
  { table: "project_group_warnings", row: "row(group_no, code, params)::text" },
  { table: "segment_runs", row: "(summary - 'timingsMs')::text", idColumn: "id" },
] as const;

/**
 * A checksum over everything a run stored, computed by the database from the stored text of each row. Each row's
 * text is hashed twice (PostgreSQL's `hashtextextended` with two seeds: 128 bits, the stable hash behind hash
 * partitioning) and the row hashes are combined per table by XOR and by an exact sum, which makes the result
 * independent of the order rows come back in — a canonical order by construction — without sorting a million rows.
 * The per-table figures are then hashed with SHA-256. Two runs with the same checksum stored the same rows, byte
 * for byte (against accidental differences; it is not meant to resist a forger).
 */
export async function computeResultChecksum(raw: RawQuery, runId: number): Promise<string> {
  const digest = createHash("sha256");
  for (const part of CHECKSUM_PARTS) {
    const idColumn = "idColumn" in part ? part.idColumn : "run_id";
    const [row] = await raw<{ n: number; x0: string | null; x1: string | null; s0: string | null; s1: string | null }>(
      `select count(*)::int as n, bit_xor(h0)::text as x0, bit_xor(h1)::text as x1, sum(h0::numeric)::text as s0, sum(h1::numeric)::text as s1
         from (select hashtextextended(t, 1) as h0, hashtextextended(t, 2) as h1 from (select ${part.row} as t from ${part.table} where ${idColumn} = $1) rows) hashed`,
      [runId],
    );
    digest.update(`${part.table}:${row?.n ?? 0}:${row?.x0}:${row?.x1}:${row?.s0}:${row?.s1}\n`);
  }
  return digest.digest("hex");
}

/** Recomputes a finished run's checksum from its stored rows and compares it with the one recorded at the end of the run. */
export async function verifyRunChecksum(
  handle: DbHandle,
  args: { runId: number },
): Promise<{ runId: number; stored: string | null; recomputed: string; isMatch: boolean }> {
  const [run] = await handle.raw<{ result_checksum: string | null }>(
    "select result_checksum from segment_runs where id = $1",
    [args.runId],
  );
  if (!run) throw new EngineError("NOT_FOUND", `Segment run ${args.runId} does not exist.`);
  const recomputed = await computeResultChecksum(handle.raw, args.runId);
  return { runId: args.runId, stored: run.result_checksum, recomputed, isMatch: run.result_checksum === recomputed };
}
