import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, migrateDb, readDbEnv, type DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { testDbKinds } from "@creditseg/db/testing";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { ACTORS, TEST_PERIOD } from "../testing/seeded-world";
import { getRun, listRuns } from "./run-queries";
import { startRun } from "./start-run";

const CHILD = fileURLToPath(new URL("../testing/run-then-exit.ts", import.meta.url));
const EXIT_CODE_WHILE_WRITING = 70;

/** A database another process can open by location: a PGlite directory, or a throwaway PostgreSQL database. */
async function createLocatedDb(kind: "pglite" | "postgres"): Promise<{ location: string; open: () => Promise<DbHandle>; dispose: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "creditseg-run-kill-"));
    const location = join(dir, "pglite");
    return { location, open: () => createDb({ pgliteDir: location }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = readDbEnv().TEST_DATABASE_URL!;
  const name = `creditseg_run_kill_${randomBytes(6).toString("hex")}`;
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

describe.each(testDbKinds())("a run whose process dies while writing its results [%s]", (kind) => {
  it("is marked failed on the next list, stores nothing, and leaves the previous run current", async () => {
    const db = await createLocatedDb(kind);
    try {
      let handle = await db.open();
      await migrateDb(handle);
      await seedDemoWorld(handle, { customers: 200, period: TEST_PERIOD, seed: 11 });
      const first = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
      expect(first.status).toBe("succeeded");
      await handle.close();

      const child = spawnSync(process.execPath, ["--import", "tsx", CHILD, db.location, TEST_PERIOD], { encoding: "utf8", timeout: 180_000 });
      expect(child.stderr).toBe("");
      expect(child.status).toBe(EXIT_CODE_WHILE_WRITING);

      handle = await db.open();
      try {
        const [orphan] = await handle.raw<{ id: number; status: string }>("select id, status::text as status from segment_runs where id <> $1", [first.runId]);
        expect(orphan?.status).toBe("running");
        const runs = await listRuns(handle, { period: TEST_PERIOD });
        expect(runs.map((r) => [r.id, r.status, r.isCurrent])).toEqual([
          [orphan!.id, "failed", false],
          [first.runId, "succeeded", true],
        ]);
        expect((await getRun(handle, { runId: orphan!.id })).error).toMatch(/worker process .* stopped before the run finished/);
        const [leftovers] = await handle.raw<{ n: number }>(
          `select ((select count(*) from segment_results where run_id = $1) + (select count(*) from cluster_assignments where run_id = $1)
                 + (select count(*) from clusters where run_id = $1) + (select count(*) from project_groups where run_id = $1))::int as n`,
          [orphan!.id],
        );
        expect(leftovers?.n).toBe(0);
        const [audit] = await handle.raw<{ n: number }>("select count(*)::int as n from audit_log where action = 'run.failed' and entity_id = $1 and actor_id is null", [String(orphan!.id)]);
        expect(audit?.n).toBe(1);
        // The period is free again.
        expect((await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion).status).toBe("succeeded");
      } finally {
        await handle.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
