import type { DbHandle } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

/** One stored contribution line of a run (see `contribution_lines`): amounts in fen, rates in annual percent. */
export type ContributionLine = {
  accountKind: "loan" | "deposit" | "fee";
  accountId: string;
  /** Average daily balance (the amount for a fee line), fen. */
  balanceFen: bigint;
  ratePct: string;
  /** Null for fee lines. */
  ftpRatePct: string | null;
  /** Upper bound of the FTP term bucket used, months; null = the open-ended bucket (or a fee line). */
  ftpMaxTermMonths: number | null;
  /** `upload:<batch id>` or `policy:v<N>`; null for fee lines. */
  ftpSource: string | null;
  taxRatePct: string | null;
  days: number;
  resultFen: bigint;
};

type LineRow = {
  account_kind: ContributionLine["accountKind"];
  account_id: string;
  balance_fen: string;
  rate_pct: string;
  ftp_rate_pct: string | null;
  ftp_max_term_months: number | null;
  ftp_source: string | null;
  tax_rate_pct: string | null;
  days: number;
  result_fen: string;
};

async function assertRunExists(handle: DbHandle, runId: number): Promise<void> {
  const [run] = await handle.raw("select 1 from segment_runs where id = $1", [runId]);
  if (!run) throw new EngineError("NOT_FOUND", `Segment run ${runId} does not exist.`);
}

/**
 * A customer's contribution lines as the run priced and stored them (loans, deposits, fees; by kind then account),
 * so the customer page explains the stored figure, not one recomputed from today's rows. Their `resultFen` sum to
 * the customer's stored `contribution_fen`.
 */
export async function readContributionLines(
  handle: DbHandle,
  args: { runId: number; customerId: string },
): Promise<ContributionLine[]> {
  await assertRunExists(handle, args.runId);
  const rows = await handle.raw<LineRow>(
    `select account_kind, account_id, balance_fen::text as balance_fen, rate_pct::text as rate_pct, ftp_rate_pct::text as ftp_rate_pct,
            ftp_max_term_months, ftp_source, tax_rate_pct::text as tax_rate_pct, days, result_fen::text as result_fen
       from contribution_lines where run_id = $1 and customer_id = $2 order by account_kind, account_id`,
    [args.runId, args.customerId],
  );
  return rows.map((r) => ({
    accountKind: r.account_kind,
    accountId: r.account_id,
    balanceFen: BigInt(r.balance_fen),
    ratePct: r.rate_pct,
    ftpRatePct: r.ftp_rate_pct,
    ftpMaxTermMonths: r.ftp_max_term_months,
    ftpSource: r.ftp_source,
    taxRatePct: r.tax_rate_pct,
    days: r.days,
    resultFen: BigInt(r.result_fen),
  }));
}

/** A project's default signal as a run judged it (core's isDefaultSignal under the run's policy). */
export type ProjectSignalRow = { projectId: string; customerId: string; groupKey: string; hasDefaultSignal: boolean };

/**
 * The projects a run judged, optionally only those with (or without) a default signal and / or of one sponsor, by
 * project id: the project list's signal filter reads this instead of restating the rule in SQL.
 */
export async function listProjectSignals(
  handle: DbHandle,
  args: { runId: number; hasDefaultSignal?: boolean; customerId?: string },
): Promise<ProjectSignalRow[]> {
  await assertRunExists(handle, args.runId);
  return handle.raw<ProjectSignalRow>(
    `select project_id as "projectId", customer_id as "customerId", group_key as "groupKey", has_default_signal as "hasDefaultSignal"
       from project_results
      where run_id = $1 and ($2::boolean is null or has_default_signal = $2) and ($3::text is null or customer_id = $3)
      order by project_id`,
    [args.runId, args.hasDefaultSignal ?? null, args.customerId ?? null],
  );
}
