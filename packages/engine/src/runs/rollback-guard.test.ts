import type { DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import { rollbackBatch } from "@creditseg/ingest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importCsv } from "../testing/import-csv";
import { ACTORS } from "../testing/seeded-world";
import { startRun } from "./start-run";

const LOAN_HEADER =
  "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days";

describeEachDb("rollback of a batch a run used", (kind) => {
  let handle: DbHandle;
  let usedLoans: string;
  let unusedLoans: string;
  beforeAll(async () => {
    handle = await createTestDb(kind);
    await seedDemoWorld(handle, { customers: 20, period: "2023", seed: 7 });
    await importCsv(handle, "customers", [
      "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
      "T001,测试机械有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0",
    ]);
    usedLoans = await importCsv(
      handle,
      "loans",
      [LOAN_HEADER, "T-L1,T001,流动资金贷款,10000000,5.00,12,2025-01-01,2025-12-31,credit,normal,10000000,360"],
      "2025",
    );
    const outcome = await (await startRun(handle, { actor: ACTORS.risk, period: "2025" })).completion;
    if (outcome.status !== "succeeded") throw new Error(outcome.error);
    unusedLoans = await importCsv(
      handle,
      "loans",
      [LOAN_HEADER, "T-L2,T001,流动资金贷款,20000000,4.35,12,2026-01-01,2026-12-31,credit,normal,20000000,360"],
      "2026",
    );
  }, 240_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("refuses to roll back a batch that a stored run read, naming the run", async () => {
    await expect(rollbackBatch({ handle, batchId: usedLoans, actor: ACTORS.admin })).rejects.toMatchObject({
      code: "batch_in_use",
      message: expect.stringMatching(/segment run \d+ was computed from batch/),
    });
    const [batch] = await handle.raw<{ status: string }>("select status::text from import_batches where id = $1", [
      usedLoans,
    ]);
    expect(batch!.status).toBe("committed");
  });

  it("still rolls back a batch no run used", async () => {
    await expect(rollbackBatch({ handle, batchId: unusedLoans, actor: ACTORS.admin })).resolves.toMatchObject({
      batchId: unusedLoans,
      deleted: 1,
    });
  });
});
