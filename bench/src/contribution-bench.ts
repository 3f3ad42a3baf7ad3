/**
 * Contribution: the engine (readContributionTotals: core's pricing rule over accounts read by COPY) against one
 * SQL aggregate computing the same formula in the database. Both must agree to the fen for every customer.
 *
 *   npx tsx bench/src/contribution-bench.ts [--period 2025] [--json]
 *
 * Uses DATABASE_URL or PGLITE_DIR like every command; the data must already be seeded.
 */
import { DEFAULT_POLICY, type FtpBucket, type Policy } from "@creditseg/core";
import { createDb, type DbHandle } from "@creditseg/db";
import { readContributionTotals } from "@creditseg/engine";
import { flag, median, printFigure, type Figure } from "./figures";

type Row = { customer_id: string; total: string };

/** The contribution formula of docs/DOMAIN.md in SQL: per account, rounded to the fen half-to-even, summed per customer. */
export function contributionSql(policy: Policy): string {
  const bucketValues = (side: "loan" | "deposit", curve: readonly FtpBucket[]) =>
    curve.map((b, i) => `('${side}', ${i}, ${b.maxTermMonths ?? "null"}, ${b.rate}::numeric)`).join(", ");
  // Half-to-even rounding of an exact numeric: ties (x.5) go to the even neighbour.
  const roundHalfEven = (x: string) =>
    `(case when abs(${x} - trunc(${x})) = 0.5 then 2 * round(${x} / 2) else round(${x}) end)`;
  const taxFactor = `(1 - ${policy.taxRate}::numeric / 100)`;
  const basis = `${policy.dayCountBasis}::numeric`;
  return `
    with ftp(side, ord, max_term, rate) as (values ${bucketValues("loan", policy.ftp.loan)}, ${bucketValues("deposit", policy.ftp.deposit)}),
    accounts as (
      select l.customer_id,
             ${roundHalfEven(`l.avg_daily_balance_fen * (l.rate_pct * ${taxFactor} - f.rate) / 100 * l.days / ${basis}`)} as fen
      from loans l
      cross join lateral (select rate from ftp where side = 'loan' and (max_term is null or max_term >= l.term_months) order by ord limit 1) f
      where l.period = $1
      union all
      select d.customer_id,
             ${roundHalfEven(`d.avg_daily_balance_fen * (f.rate - d.rate_pct) / 100 * d.days / ${basis}`)}
      from deposits d
      cross join lateral (select rate from ftp where side = 'deposit' and (max_term is null or max_term >= d.term_months) order by ord limit 1) f
      where d.period = $1
      union all
      select customer_id, amount_fen::numeric from fee_income where period = $1
    )
    select customer_id, sum(fen)::text as total from accounts group by customer_id`;
}

/** The engine's totals: readContributionTotals, core's pricing rule over the accounts read by COPY. */
async function engineTotals(handle: DbHandle, period: string, policy: Policy): Promise<Map<string, bigint>> {
  const totals = await readContributionTotals(handle, { period, policy });
  return new Map([...totals].map(([id, c]) => [id, c.totalFen]));
}

/** Times both sides `repeats` times (after a warm-up) and checks they agree to the fen. */
export async function benchContribution(
  handle: DbHandle,
  args: { period: string; repeats: number; policy?: Policy },
): Promise<Figure> {
  const policy = args.policy ?? DEFAULT_POLICY;
  const sql = contributionSql(policy);
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const started = performance.now();
    const value = await work();
    return [(performance.now() - started) / 1000, value];
  };
  await handle.raw(sql, [args.period]);
  const engineTimes: number[] = [];
  const sqlTimes: number[] = [];
  let engine = new Map<string, bigint>();
  let sqlRows: Row[] = [];
  for (let i = 0; i < args.repeats; i++) {
    const [e, engineResult] = await time(() => engineTotals(handle, args.period, policy));
    const [s, sqlResult] = await time(() => handle.raw<Row>(sql, [args.period]));
    engineTimes.push(e);
    sqlTimes.push(s);
    engine = engineResult;
    sqlRows = sqlResult;
  }
  const mismatches = sqlRows.filter((r) => engine.get(r.customer_id) !== BigInt(r.total));
  if (mismatches.length > 0 || sqlRows.length !== engine.size) {
    const first = mismatches[0];
    throw new Error(
      `contribution mismatch: ${mismatches.length} customers differ (SQL ${sqlRows.length} customers, engine ${engine.size})${first ? `; first ${first.customer_id}: SQL ${first.total} fen, engine ${engine.get(first.customer_id)} fen` : ""}`,
    );
  }
  const value = median(engineTimes);
  const baseline = median(sqlTimes);
  return {
    name: "contribution",
    value,
    unit: "s",
    min: Math.min(...engineTimes),
    max: Math.max(...engineTimes),
    baseline: { name: `one SQL aggregate (${handle.kind})`, value: baseline },
    ratio: value / baseline,
    target: { op: "<=", ratio: 1.1 },
    note: `${engine.size} customers agree to the fen`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const handle = await createDb();
  try {
    const figure = await benchContribution(handle, {
      period: flag("--period") ?? "2025",
      repeats: Number(flag("--repeats") ?? 3),
    });
    printFigure(figure, process.argv.includes("--json"));
  } finally {
    await handle.close();
  }
}
