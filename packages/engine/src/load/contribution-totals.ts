import {
  createContributionTotals,
  type AccountSide,
  type ContributionTotal,
  type Policy,
  type PricingCurve,
} from "@creditseg/core";
import { readCopyRows, sqlLiteral, type DbHandle } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";

export type { ContributionTotal } from "@creditseg/core";

const ACCOUNT_TABLES: Record<AccountSide, string> = { loan: "loans", deposit: "deposits" };

function field(row: readonly (string | null)[], index: number, what: string): string {
  const value = row[index];
  if (value === undefined || value === null) throw new EngineError("CONFLICT", `${what}: column ${index + 1} is empty`);
  return value;
}

/**
 * Every customer's contribution in a period (fen), summed by core's createContributionTotals (the rule of
 * calculateContributions, to the fen) over the accounts read by COPY as text columns: no object per account, so a
 * million loans are read and priced in about the time the database takes to compute the same sums itself.
 * Customers without loans, deposits or fee lines in the period are absent.
 */
export async function readContributionTotals(
  handle: DbHandle,
  args: { period: string; policy: Policy; curve?: PricingCurve },
): Promise<ReadonlyMap<string, ContributionTotal>> {
  const sums = createContributionTotals(args.policy, args.curve);
  const period = sqlLiteral(args.period);
  for (const side of ["deposit", "loan"] as const) {
    const select = `select customer_id, avg_daily_balance_fen, rate_pct, term_months, days from ${ACCOUNT_TABLES[side]} where period = ${period}`;
    for await (const rows of readCopyRows(handle, select))
      for (const row of rows)
        sums.addAccount(
          side,
          field(row, 0, side),
          BigInt(field(row, 1, side)),
          field(row, 2, side),
          Number(field(row, 3, side)),
          Number(field(row, 4, side)),
        );
  }
  const fees = `select customer_id, amount_fen from fee_income where period = ${period}`;
  for await (const rows of readCopyRows(handle, fees))
    for (const row of rows) sums.addFee(field(row, 0, "fee line"), BigInt(field(row, 1, "fee line")));
  return sums.totals;
}
