import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDb } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createLocatedDb, describeEachDb, type LocatedDb } from "@creditseg/db/testing";
import { migrateJobQueue } from "@creditseg/engine";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { runCommands } from "../testing/run-commands";
import { register as registerImport } from "./import";
import { register as registerImportJob } from "./import-job";
import { register as registerWorker } from "./worker";

const CUSTOMERS = [
  "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
  "D001,排队导入有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0",
  "D002,排队导入二号有限公司,批发零售,江苏,medium,A,O002,60,1.2,3,80000000,0",
].join("\n");

describeEachDb("creditseg import --detach and import-wait", (kind) => {
  let located: LocatedDb;
  let dir: string;
  beforeAll(async () => {
    located = await createLocatedDb(kind);
    dir = mkdtempSync(join(tmpdir(), "creditseg-detach-"));
    const handle = await located.open();
    try {
      await migrateDb(handle);
      await seedDemoWorld(handle, { customers: 10, period: "2025", seed: 3 });
    } finally {
      await handle.close();
    }
    if (kind === "postgres") await migrateJobQueue(located.location);
    vi.stubEnv("DATABASE_URL", kind === "postgres" ? located.location : "");
    vi.stubEnv("PGLITE_DIR", kind === "pglite" ? located.location : "");
  }, 240_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
    await located?.dispose();
  });

  const commands = [registerImport, registerImportJob, registerWorker];

  it(
    "queues the commit for a worker, which loads it; import-wait reports the batch",
    { timeout: 180_000 },
    async () => {
      const file = join(dir, "customers.csv");
      writeFileSync(file, `${CUSTOMERS}\n`);
      const queued = await runCommands(commands, ["import", "--kind", "customers", file, "--detach"]);
      if (kind === "pglite") {
        // One process at a time opens the embedded database: nothing else could execute the job.
        expect(queued.error?.message).toMatch(/--detach needs PostgreSQL/);
        expect(queued.error?.exitCode).toBe(2);
        return;
      }
      expect(queued.error).toBeNull();
      const jobId = queued.stdout.trim();
      expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
      // Queued, not loaded: the customers are not there until a worker commits the file.
      const before = await located.open();
      try {
        const rows = await before.raw("select 1 from customers where customer_id in ('D001', 'D002')");
        expect(rows).toHaveLength(0);
      } finally {
        await before.close();
      }
      expect((await runCommands(commands, ["worker", "--exit-when-idle"])).error).toBeNull();
      const waited = await runCommands(commands, ["import-wait", jobId, "--timeout", "60"]);
      expect(waited.error).toBeNull();
      // The report `creditseg import` prints, then its last line.
      expect(waited.stdout).toContain("rows      read 2  accepted 2  rejected 0");
      expect(waited.stdout).toMatch(/\ncommitted batch [0-9a-f-]{36}\n$/);
      const after = await located.open();
      try {
        const rows = await after.raw<{ name: string }>(
          "select name from customers where customer_id in ('D001', 'D002') order by customer_id",
        );
        expect(rows.map((r) => r.name)).toEqual(["排队导入有限公司", "排队导入二号有限公司"]);
      } finally {
        await after.close();
      }

      // A rejected file ends import-wait as it ends import: the report with the row's reason, exit 2, nothing written.
      const bad = join(dir, "customers-bad.csv");
      writeFileSync(
        bad,
        `${CUSTOMERS.split("\n")[0]}\nD003,,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0\nD004,拒收有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0\n`,
      );
      const badJob = await runCommands(commands, ["import", "--kind", "customers", bad, "--detach"]);
      expect(badJob.error).toBeNull();
      expect((await runCommands(commands, ["worker", "--exit-when-idle"])).error).toBeNull();
      const rejected = await runCommands(commands, ["import-wait", badJob.stdout.trim(), "--timeout", "60"]);
      expect(rejected.error?.exitCode).toBe(2);
      expect(rejected.error?.message).toMatch(/^import rejected, nothing written: 1 rejected rows/);
      expect(rejected.stdout).toMatch(/row +2 +name +missing_value/);
      const unchanged = await located.open();
      try {
        expect(await unchanged.raw("select 1 from customers where customer_id in ('D003', 'D004')")).toHaveLength(0);
      } finally {
        await unchanged.close();
      }
    },
  );

  it("refuses --detach with --dry-run, and an import-wait id that is not a UUID", async () => {
    const file = join(dir, "customers.csv");
    writeFileSync(file, `${CUSTOMERS}\n`);
    const dry = await runCommands(commands, ["import", "--kind", "customers", file, "--detach", "--dry-run"]);
    expect(dry.error?.message).toMatch(/--detach queues the commit/);
    const bad = await runCommands(commands, ["import-wait", "7"]);
    expect(bad.error?.message).toMatch(/must be a UUID/);
  });
});
