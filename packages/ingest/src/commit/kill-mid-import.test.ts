import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle, migrateDb, readDbEnv } from "@creditseg/db";
import { testDbKinds } from "@creditseg/db/testing";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { fixturePath, loadFixtureCustomers, snapshotTables } from "../testing/fixtures";

const CHILD = fileURLToPath(new URL("../testing/commit-then-exit.ts", import.meta.url));
const EXIT_CODE_INSIDE_TRANSACTION = 70;

/** A database the child process can open by location: a PGlite directory, or a throwaway PostgreSQL database. */
async function createLocatedDb(kind: "pglite" | "postgres"): Promise<{ location: string; open: () => Promise<DbHandle>; dispose: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "creditseg-kill-"));
    const location = join(dir, "pglite");
    return { location, open: () => createDb({ pgliteDir: location }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = readDbEnv().TEST_DATABASE_URL!;
  const name = `creditseg_kill_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    open: () => createDb({ url: url.toString(), maxConnections: 2 }),
    dispose: async () => {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

describe.each(testDbKinds())("a process killed inside the commit transaction [%s]", (kind) => {
  it("leaves nothing committed", async () => {
    const db = await createLocatedDb(kind);
    try {
      let handle = await db.open();
      await migrateDb(handle);
      await loadFixtureCustomers(handle);
      const before = await snapshotTables(handle);
      await handle.close();

      const child = spawnSync(process.execPath, ["--import", "tsx", CHILD, db.location, fixturePath("loans-gbk.csv"), "2015"], { encoding: "utf8", timeout: 120_000 });
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
