import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import { seedDemoWorld } from "@creditseg/db/seed";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { expect, it } from "vitest";
import { countCustomersCached, readCustomerFacets } from "./customer-counts";

const CUSTOMERS_CSV = [
  "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
  "ZZ9001,缓存测试新客户有限公司,新兴行业,测试省,small,A,E1001,50,1.2,3.0,1000000,0",
].join("\n");

describeEachDb("cached customer counts", (kind) => {
  it("follow a commit made by another writer (the import path, as the CLI or another instance runs it) at once", async () => {
    const handle = await createTestDb(kind);
    try {
      await seedDemoWorld(handle, { customers: 40, period: "2025", seed: 3 });
      const args = { run: null, scope: "all" as const, filter: {} };
      const before = await countCustomersCached(handle.db, args);
      const facetsBefore = await readCustomerFacets(handle.db, "all");
      expect(await countCustomersCached(handle.db, args)).toBe(before);
      // Nothing of the web tier is told: the import's transaction bumps the data version itself.
      const report = await commitImport({
        handle,
        kind: "customers",
        file: bufferSource("customers.csv", new TextEncoder().encode(`${CUSTOMERS_CSV}\n`)),
        actor: { id: "demo-admin", role: "admin" },
      });
      expect(report.status).toBe("committed");
      expect(await countCustomersCached(handle.db, args)).toBe(before + 1);
      const facetsAfter = await readCustomerFacets(handle.db, "all");
      expect(facetsAfter.regions.find((r) => r.value === "测试省")?.customers).toBe(1);
      expect(facetsBefore.regions.find((r) => r.value === "测试省")).toBeUndefined();
    } finally {
      await handle.close();
    }
  });
});
