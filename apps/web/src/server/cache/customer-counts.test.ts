import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import { seedDemoWorld } from "@creditseg/db/seed";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { expect, it } from "vitest";
import { countCustomersCached, readCustomerFacets } from "./customer-counts";
import { watchDataChanges } from "./data-version";

const CUSTOMERS_CSV = [
  "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
  "ZZ9001,缓存测试新客户有限公司,新兴行业,测试省,small,A,E1001,50,1.2,3.0,1000000,0",
].join("\n");

/** Polls `probe` every 20 ms until it holds, for at most `withinMs`; the last value either way. */
async function within<T>(withinMs: number, probe: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (holds(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachDb("cached customer counts", (kind) => {
  it("follow a commit made by another writer (the import path, as the CLI or another instance runs it) at once", async () => {
    const handle = await createTestDb(kind);
    const stop = await watchDataChanges(handle);
    try {
      await seedDemoWorld(handle, { customers: 40, period: "2025", seed: 3 });
      const args = { run: null, scope: "all" as const, filter: {} };
      const before = await countCustomersCached(handle.db, args);
      const facetsBefore = await readCustomerFacets(handle.db, "all");
      expect(await countCustomersCached(handle.db, args)).toBe(before);
      // Nothing of the web tier is told: the import's triggers advance the data version themselves.
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
      await stop();
      await handle.close();
    }
  });

  it.skipIf(kind !== "postgres")(
    "do not keep a count read while another writer's transaction was open, nor wait for that writer",
    async () => {
      const handle = await createTestDb(kind);
      const stop = await watchDataChanges(handle);
      try {
        await seedDemoWorld(handle, { customers: 20, period: "2025", seed: 5 });
        const args = { run: null, scope: "all" as const, filter: {} };
        const before = await countCustomersCached(handle.db, args);
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        let isWritten = () => {};
        const written = new Promise<void>((resolve) => (isWritten = resolve));
        // A second writer on its own connection: inserted (the trigger advanced the version) but not yet committed.
        const writer = handle.sql!.begin(async (tx) => {
          await tx`insert into customers (customer_id, name, industry, region, size, officer) values ('ZZ9101', '并发写入客户', '制造业', '浙江', 'small', 'E1001')`;
          isWritten();
          await held;
        });
        await written;
        // Read while the writer is open: answered at once (the version is a sequence, no row lock), the old count.
        expect(await countCustomersCached(handle.db, args)).toBe(before);
        release();
        await writer;
        // The commit's notice retires the count cached under the advanced version.
        const after = await within(
          1_000,
          () => countCustomersCached(handle.db, args),
          (n) => n === before + 1,
        );
        expect(after).toBe(before + 1);
      } finally {
        await stop();
        await handle.close();
      }
    },
  );
});
