import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { migrateDb } from "@creditseg/db";
import { createLocatedDb, testDbKinds } from "@creditseg/db/testing";
import { describe, expect, it } from "vitest";
import { fixturePath, loadFixtureCustomers, snapshotTables } from "../testing/fixtures";

const CHILD = fileURLToPath(new URL("../testing/commit-then-exit.ts", import.meta.url));
const EXIT_CODE_INSIDE_TRANSACTION = 70;

describe.each(testDbKinds())("a process killed inside the commit transaction [%s]", (kind) => {
  it("leaves nothing committed", async () => {
    const db = await createLocatedDb(kind);
    try {
      let handle = await db.open();
      await migrateDb(handle);
      await loadFixtureCustomers(handle);
      const before = await snapshotTables(handle);
      await handle.close();

      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", CHILD, db.location, fixturePath("loans-gbk.csv"), "2015"],
        { encoding: "utf8", timeout: 120_000 },
      );
      expect(child.stderr).toBe("");
      expect(child.status).toBe(EXIT_CODE_INSIDE_TRANSACTION);

      handle = await db.open();
      try {
        expect(await snapshotTables(handle)).toEqual(before);
        const [loans] = await handle.raw<{ n: number }>("select count(*)::int as n from loans");
        expect(loans?.n).toBe(0);
      } finally {
        await handle.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
