import { createHash } from "node:crypto";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

/**
 * The stored columns each table contributes (everything but the run id, generated ids and insert times).
 * The summary takes part without its stage timings, which differ between identical runs.
 */
const CHECKSUM_PARTS = [
  {
    table: "segment_results",
    row: `row(customer_id, officer, deposit_contribution_fen, loan_contribution_fen, fee_income_fen, contribution_fen, loan_balance_fen, deposit_balance_fen,
              classification, tier, tier_trace, grade, grade_score, grade_points, cluster, recommendation, override_tier, override_grade, override_id)::text`,
  },
  { table: "clusters", row: "row(cluster_no, size, centroid_raw, centroid, profile, label_zh, label_en)::text" },
  { table: "cluster_assignments", row: "row(loan_id, cluster_no)::text" },
  { table: "project_groups", row: "row(group_key, industry, region, risk_level, project_count, loan_amount_fen, signal_rate, profile)::text" },
  { table: "early_warnings", row: "row(group_key, level, signal_rate, previous_signal_rate, reason)::text" },
  { table: "segment_runs", row: "(summary - 'timingsMs')::text", idColumn: "id" },
] as const;

/**
 * A checksum over everything a run stored, computed by the database from the stored text of each row: every row is
 * hashed with SHA-256 and the row hashes are combined per table by XOR of four 64-bit words plus an exact sum,
 * which makes the result independent of the order rows come back in (a canonical order by construction) without
 * sorting a million rows. Two runs with the same checksum stored the same rows, byte for byte.
 */
export async function computeResultChecksum(raw: RawQuery, runId: number): Promise<string> {
  const digest = createHash("sha256");
  for (const part of CHECKSUM_PARTS) {
    const idColumn = "idColumn" in part ? part.idColumn : "run_id";
    const word = (n: number) => `('x' || substr(h, ${n * 16 + 1}, 16))::bit(64)::bigint`;
    const [row] = await raw<{ n: number; x0: string | null; x1: string | null; x2: string | null; x3: string | null; s: string | null }>(
      `select count(*)::int as n, bit_xor(${word(0)})::text as x0, bit_xor(${word(1)})::text as x1, bit_xor(${word(2)})::text as x2,
              bit_xor(${word(3)})::text as x3, sum(${word(0)}::numeric)::text as s
         from (select encode(sha256(convert_to(${part.row}, 'UTF8')), 'hex') as h from ${part.table} where ${idColumn} = $1) hashed`,
      [runId],
    );
    digest.update(`${part.table}:${row?.n ?? 0}:${row?.x0}:${row?.x1}:${row?.x2}:${row?.x3}:${row?.s}\n`);
  }
  return digest.digest("hex");
}

/** Recomputes a finished run's checksum from its stored rows and compares it with the one recorded at the end of the run. */
export async function verifyRunChecksum(handle: DbHandle, args: { runId: number }): Promise<{ runId: number; stored: string | null; recomputed: string; isMatch: boolean }> {
  const [run] = await handle.raw<{ result_checksum: string | null }>("select result_checksum from segment_runs where id = $1", [args.runId]);
  if (!run) throw new EngineError("NOT_FOUND", `Segment run ${args.runId} does not exist.`);
  const recomputed = await computeResultChecksum(handle.raw, args.runId);
  return { runId: args.runId, stored: run.result_checksum, recomputed, isMatch: run.result_checksum === recomputed };
}
