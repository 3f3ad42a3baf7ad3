import { migrateDb } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createLocatedDb, describeEachDb, type LocatedDb } from "@creditseg/db/testing";
import { startRun } from "@creditseg/engine";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { runCommands } from "../testing/run-commands";
import { register as registerImport } from "./import";

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join("\n")}\n`);

describeEachDb("creditseg import-rollback", (kind) => {
  let located: LocatedDb;
  let batchId: string;
  beforeAll(async () => {
    located = await createLocatedDb(kind);
    const handle = await located.open();
    try {
      await migrateDb(handle);
      await seedDemoWorld(handle, { customers: 20, period: "2023", seed: 7 });
      const actor = { id: "demo-admin", role: "admin" } as const;
      await commitImport({
        handle,
        kind: "customers",
        actor,
        file: bufferSource(
          "customers.csv",
          csv([
            "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
            "T001,测试机械有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0",
          ]),
        ),
      });
      const loans = await commitImport({
        handle,
        kind: "loans",
        period: "2025",
        actor,
        file: bufferSource(
          "loans.csv",
          csv([
            "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days",
            "T-L1,T001,流动资金贷款,10000000,5.00,12,2025-01-01,2025-12-31,credit,normal,10000000,360",
          ]),
        ),
      });
      batchId = loans.batchId!;
      const outcome = await (
        await startRun(handle, { actor: { id: "demo-risk", role: "risk_manager" }, period: "2025" })
      ).completion;
      if (outcome.status !== "succeeded") throw new Error(outcome.error);
    } finally {
      await handle.close();
    }
    // The command opens the database the way `creditseg` does: DATABASE_URL, else PGLITE_DIR (empty = unset).
    vi.stubEnv("DATABASE_URL", kind === "postgres" ? located.location : "");
    vi.stubEnv("PGLITE_DIR", kind === "pglite" ? located.location : "");
  }, 240_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await located?.dispose();
  });

  it("refuses to roll back a batch a stored run read, and leaves it committed", { timeout: 120_000 }, async () => {
    const { error } = await runCommands([registerImport], ["import-rollback", batchId]);
    expect(error?.message).toMatch(/segment run \d+ was computed from batch/);
    const handle = await located.open();
    try {
      const [batch] = await handle.raw<{ status: string }>("select status::text from import_batches where id = $1", [
        batchId,
      ]);
      expect(batch!.status).toBe("committed");
    } finally {
      await handle.close();
    }
  });
});
