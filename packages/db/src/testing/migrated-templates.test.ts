import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { MIGRATIONS_FOLDER } from "../migrate";
import { seedCustomer } from "../seed/factories";
import { createTestDb, describeEachDb } from "./index";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

describeEachDb("test databases copied from the migrated template", (kind) => {
  let first: DbHandle;
  let second: DbHandle;
  beforeAll(async () => {
    first = await createTestDb(kind);
    second = await createTestDb(kind);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("carry every migration, recorded as applied", async () => {
    const [row] = await first.raw<{ count: string | number }>(
      "select count(*) as count from drizzle.__drizzle_migrations",
    );
    expect(Number(row?.count)).toBe(journal.entries.length);
    expect(await first.raw("select 1 from customers limit 1")).toEqual([]);
  });

  it("are independent copies: a row written to one is not in the other", async () => {
    await seedCustomer(first.db, { customerId: "TPL001" });
    expect(await first.raw("select customer_id from customers")).toEqual([{ customer_id: "TPL001" }]);
    expect(await second.raw("select customer_id from customers")).toEqual([]);
  });
});
