import { resolveRun, scopeKeyOf, type CustomerScope, type DbHandle, type ResolvedRun } from "@creditseg/db";
import { reviveFen, toJsonText } from "../json";
import { readPortfolioSummary, type PortfolioSummary } from "./portfolio-summary";

/**
 * A finished run's portfolio figures for a scope, as stored with the run: computed (`readPortfolioSummary`) and
 * stored by the first reader when no figures are stored yet — the bank-wide ones are stored when the run finishes —
 * so every instance and every restart reads the same figures without recomputing them. Two first readers at once
 * compute the same figures; the first insert is kept.
 */
export async function readRunSummary(
  handle: DbHandle,
  args: { run: ResolvedRun; scope: CustomerScope },
): Promise<PortfolioSummary> {
  const scopeKey = scopeKeyOf(args.scope);
  const [stored] = await handle.raw<{ summary: unknown }>(
    "select summary from run_summaries where run_id = $1 and scope_key = $2",
    [args.run.id, scopeKey],
  );
  if (stored) return reviveFen<PortfolioSummary>(stored.summary);
  const summary = await readPortfolioSummary(handle.db, args);
  await handle.raw(
    `insert into run_summaries (run_id, scope_key, summary) values ($1, $2, $3::text::jsonb) on conflict do nothing`,
    [args.run.id, scopeKey, toJsonText(summary)],
  );
  return summary;
}

/** Computes and stores a just-finished run's bank-wide figures (what its first dashboard visitor would wait for). */
export async function storeBankWideSummary(handle: DbHandle, runId: number): Promise<void> {
  const run = await resolveRun(handle.db, { runId });
  if (run) await readRunSummary(handle, { run, scope: "all" });
}
