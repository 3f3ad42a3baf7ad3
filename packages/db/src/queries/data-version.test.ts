import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { createTestDb, describeEachDb } from "../testing";
import { listenForDataChanges, readDataVersion } from "./data-version";

const insertCustomer = (id: string) =>
  `insert into customers (customer_id, name, industry, region, size, officer) values ('${id}', '测试客户', '制造业', '浙江', 'small', 'E1001')`;

async function until(withinMs: number, holds: () => boolean): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!holds() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return holds();
}

describeEachDb("data version", (kind) => {
  let handle: DbHandle;
  let notices = 0;
  let unlisten: () => Promise<void>;
  beforeAll(async () => {
    handle = await createTestDb(kind);
    unlisten = await listenForDataChanges(handle, () => notices++);
  });
  afterAll(async () => {
    await unlisten();
    await handle.close();
  });

  it("advances with a change of customers and notifies once its transaction commits", async () => {
    const version = await readDataVersion(handle.db);
    const seen = notices;
    await handle.raw(insertCustomer("DV0001"));
    expect(await readDataVersion(handle.db)).toBeGreaterThan(version);
    expect(await until(1_000, () => notices > seen)).toBe(true);
  });

  it("does not advance for changes caches do not depend on (a run's progress)", async () => {
    const version = await readDataVersion(handle.db);
    await handle.raw("insert into audit_log (action) values ('test.unrelated')");
    expect(await readDataVersion(handle.db)).toBe(version);
  });

  it.skipIf(kind !== "postgres")(
    "lets two writers' transactions commit without waiting for each other, and notifies only on commit",
    async () => {
      const sql = handle.sql!;
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let isWritten = () => {};
      const written = new Promise<void>((resolve) => (isWritten = resolve));
      const seen = notices;
      const first = sql.begin(async (tx) => {
        await tx.unsafe(insertCustomer("DV0101"));
        await tx.unsafe("update import_batches set rows_read = rows_read where false");
        isWritten();
        await held;
      });
      await written;
      // The second writer touches the same tables while the first is open; it would fail here if it had to wait.
      await sql.begin(async (tx) => {
        await tx.unsafe("set local lock_timeout = '2s'");
        await tx.unsafe(insertCustomer("DV0102"));
        await tx.unsafe("update import_batches set rows_read = rows_read where false");
      });
      expect(await until(1_000, () => notices > seen)).toBe(true);
      const afterSecond = notices;
      // Nothing is announced for the open transaction until it commits.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(notices).toBe(afterSecond);
      release();
      await first;
      expect(await until(1_000, () => notices > afterSecond)).toBe(true);
    },
  );
});
