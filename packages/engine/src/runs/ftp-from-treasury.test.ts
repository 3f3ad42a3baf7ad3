import type { DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importCsv } from "../testing/import-csv";
import { ACTORS } from "../testing/seeded-world";
import { previewFtpCurve } from "./ftp-curve-for-period";
import { readContributionLines } from "./run-details";
import { getRun } from "./run-queries";
import { startRun } from "./start-run";

const LOAN_HEADER =
  "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days";
const DEPOSIT_HEADER = "account_id,customer_id,product,avg_daily_balance,rate,days,term_months";

/**
 * DOMAIN.md's worked example, one customer per period: a 12-month loan of 10,000,000 CNY at 5.00 % and a demand
 * deposit of 5,000,000 CNY at 0.35 %, 360 days of a 360-day year, tax 5.5 %.
 */
async function loadPeriod(handle: DbHandle, period: string): Promise<void> {
  await importCsv(
    handle,
    "loans",
    [LOAN_HEADER, `T-L1,T001,流动资金贷款,10000000,5.00,12,${period}-01-01,${period}-12-31,credit,normal,10000000,360`],
    period,
  );
  await importCsv(handle, "deposits", [DEPOSIT_HEADER, "T-D1,T001,demand,5000000,0.35,360,0"], period);
}

async function runPeriod(handle: DbHandle, period: string): Promise<number> {
  const outcome = await (await startRun(handle, { actor: ACTORS.risk, period })).completion;
  if (outcome.status !== "succeeded") throw new Error(outcome.error);
  return outcome.runId;
}

describeEachDb("FTP from treasury", (kind) => {
  let handle: DbHandle;
  let batch2025: string;
  let batch2026: string;
  const runs: Record<string, number> = {};

  beforeAll(async () => {
    handle = await createTestDb(kind);
    // Demo users and policy v1 (the default policy); its seeded curve is effective from 2023-01-01.
    await seedDemoWorld(handle, { customers: 20, period: "2023", seed: 7 });
    await importCsv(handle, "customers", [
      "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
      "T001,测试机械有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0",
    ]);
    for (const period of ["2022", "2025", "2026"]) await loadPeriod(handle, period);
    batch2025 = await importCsv(handle, "ftp", [
      "side,max_term_months,rate,effective_from",
      "loan,12,3.10,2025-01-01",
      "loan,,3.60,2025-01-01",
      "deposit,0,1.50,2025-01-01",
    ]);
    batch2026 = await importCsv(handle, "ftp", ["side,max_term_months,rate,effective_from", "loan,12,2.50,2026-01-01"]);
    for (const period of ["2022", "2025", "2026"]) runs[period] = await runPeriod(handle, period);
  }, 240_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("prices 2025 on treasury's 2025 curve: 10,000,000 × (5.00 % × 0.945 − 3.10 %) + 5,000,000 × (1.50 % − 0.35 %)", async () => {
    const lines = await readContributionLines(handle, { runId: runs["2025"]!, customerId: "T001" });
    // 10,000,000 × 0.01625 = 162,500.00 CNY; 5,000,000 × 0.0115 = 57,500.00 CNY.
    expect(lines).toEqual([
      {
        accountKind: "deposit",
        accountId: "T-D1",
        balanceFen: 500_000_000n,
        ratePct: "0.350000",
        ftpRatePct: "1.500000",
        ftpMaxTermMonths: 0,
        ftpSource: `upload:${batch2025}`,
        taxRatePct: null,
        days: 360,
        resultFen: 5_750_000n,
      },
      {
        accountKind: "loan",
        accountId: "T-L1",
        balanceFen: 1_000_000_000n,
        ratePct: "5.000000",
        ftpRatePct: "3.100000",
        ftpMaxTermMonths: 12,
        ftpSource: `upload:${batch2025}`,
        taxRatePct: "5.500000",
        days: 360,
        resultFen: 16_250_000n,
      },
    ]);
    const [stored] = await handle.raw<{ contribution_fen: string }>(
      "select contribution_fen::text from segment_results where run_id = $1 and customer_id = 'T001'",
      [runs["2025"]],
    );
    expect(stored!.contribution_fen).toBe("22000000");
    const run = await getRun(handle, { runId: runs["2025"]! });
    expect(run.ftpSource).toMatchObject({
      periodStart: "2025-01-01",
      loan: { kind: "upload", batchIds: [batch2025] },
      deposit: { kind: "upload", batchIds: [batch2025] },
    });
    // The run lists the FTP batch that priced it, and not next year's.
    const ftpInputs = run.inputs.batches.filter((b) => b.kind === "ftp").map((b) => b.id);
    expect(ftpInputs).toEqual([batch2025]);
  });

  it("prices 2026 on 2026's 12-month point (2.50 %) and leaves 2025 as it was", async () => {
    const lines = await readContributionLines(handle, { runId: runs["2026"]!, customerId: "T001" });
    const loan = lines.find((l) => l.accountKind === "loan")!;
    // 10,000,000 × (0.04725 − 0.0250) = 222,500.00 CNY.
    expect(loan).toMatchObject({ ftpRatePct: "2.500000", ftpSource: `upload:${batch2026}`, resultFen: 22_250_000n });
    const run = await getRun(handle, { runId: runs["2026"]! });
    expect(run.ftpSource).toMatchObject({ loan: { kind: "upload", batchIds: [batch2025, batch2026].sort() } });
    const earlier = await readContributionLines(handle, { runId: runs["2025"]!, customerId: "T001" });
    expect(earlier.find((l) => l.accountKind === "loan")!.resultFen).toBe(16_250_000n);
  });

  it("falls back to the policy's own curve for a period before any upload, and says so", async () => {
    const lines = await readContributionLines(handle, { runId: runs["2022"]!, customerId: "T001" });
    // Policy v1: loans ≤ 12 m 2.20 %, demand deposits 1.20 %. 10,000,000 × 0.02525 = 252,500; 5,000,000 × 0.0085 = 42,500.
    expect(lines.map((l) => [l.accountKind, l.ftpRatePct, l.ftpSource, l.resultFen])).toEqual([
      ["deposit", "1.200000", "policy:v1", 4_250_000n],
      ["loan", "2.200000", "policy:v1", 25_250_000n],
    ]);
    const run = await getRun(handle, { runId: runs["2022"]! });
    expect(run.ftpSource).toMatchObject({
      loan: { kind: "policy", policyVersion: 1 },
      deposit: { kind: "policy", policyVersion: 1 },
    });
    expect(run.inputs.batches.filter((b) => b.kind === "ftp")).toEqual([]);
  });

  it("tells the policy editor which curve a run of a period would use", async () => {
    const preview = await previewFtpCurve(handle, { period: "2026Q2", policyVersion: 1 });
    expect(preview.source.periodStart).toBe("2026-04-01");
    // Per term bucket the latest point in force: the seed's 2023 points where treasury published nothing newer.
    expect(preview.curve.loan.map((b) => [b.maxTermMonths, String(b.rate), b.source])).toEqual([
      [6, "2.000000", "upload:unbatched"],
      [12, "2.500000", `upload:${batch2026}`],
      [36, "2.500000", "upload:unbatched"],
      [60, "2.800000", "upload:unbatched"],
      [null, "3.600000", `upload:${batch2025}`],
    ]);
    await expect(previewFtpCurve(handle, { period: "2026H1", policyVersion: 1 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
