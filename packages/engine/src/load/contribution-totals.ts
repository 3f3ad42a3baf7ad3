import { createAccountPricer, type AccountSide, type Policy, type PricingCurve } from "@creditseg/core";
import { readCopyRows, sqlLiteral, type DbHandle } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

/** One customer's contribution sums, fen: what a run stores in segment_results, without the per-account lines. */
export type ContributionTotal = { depositFen: bigint; loanFen: bigint; feeFen: bigint; totalFen: bigint };

const ACCOUNT_TABLES: Record<AccountSide, string> = { loan: "loans", deposit: "deposits" };

function field(row: readonly (string | null)[], index: number, what: string): string {
  const value = row[index];
  if (value === undefined || value === null) throw new EngineError("CONFLICT", `${what}: column ${index + 1} is empty`);
  return value;
}

/**
 * Every customer's contribution in a period (fen), priced by core's account pricer (the rule of
 * calculateContributions, to the fen) over the accounts read by COPY as text columns: no object per account, so a
 * million loans are read and priced in about the time the database takes to compute the same sums itself.
 * Customers without loans, deposits or fee lines in the period are absent.
 */
export async function readContributionTotals(
  handle: DbHandle,
  args: { period: string; policy: Policy; curve?: PricingCurve },
): Promise<Map<string, ContributionTotal>> {
  const price = createAccountPricer(args.policy, args.curve);
  const period = sqlLiteral(args.period);
  const totals = new Map<string, ContributionTotal>();
  const totalOf = (customerId: string) => {
    let total = totals.get(customerId);
    if (!total) totals.set(customerId, (total = { depositFen: 0n, loanFen: 0n, feeFen: 0n, totalFen: 0n }));
    return total;
  };
  // Deposits first, then loans, then fees: the order calculateContributions adds them in (sums do not depend on it).
  for (const side of ["deposit", "loan"] as const) {
    const select = `select customer_id, avg_daily_balance_fen, rate_pct, term_months, days from ${ACCOUNT_TABLES[side]} where period = ${period}`;
    for await (const rows of readCopyRows(handle, select))
      for (const row of rows) {
        const fen = price(
          side,
          BigInt(field(row, 1, side)),
          field(row, 2, side),
          Number(field(row, 3, side)),
          Number(field(row, 4, side)),
        );
        const total = totalOf(field(row, 0, side));
        if (side === "loan") total.loanFen += fen;
        else total.depositFen += fen;
      }
  }
  for await (const rows of readCopyRows(
    handle,
    `select customer_id, amount_fen from fee_income where period = ${period}`,
  ))
    for (const row of rows) totalOf(field(row, 0, "fee line")).feeFen += BigInt(field(row, 1, "fee line"));
  for (const total of totals.values()) total.totalFen = total.depositFen + total.loanFen + total.feeFen;
  return totals;
}
