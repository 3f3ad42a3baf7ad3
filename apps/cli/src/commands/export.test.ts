import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDb } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createLocatedDb, describeEachDb, type LocatedDb } from "@creditseg/db/testing";
import { readRunExport, startRun } from "@creditseg/engine";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { runCommands } from "../testing/run-commands";
import { register as registerExport } from "./export";

describeEachDb("creditseg export", (kind) => {
  let located: LocatedDb;
  let dir: string;
  let runId: number;
  let officerIds: string[];
  beforeAll(async () => {
    located = await createLocatedDb(kind);
    dir = mkdtempSync(join(tmpdir(), "creditseg-export-"));
    const handle = await located.open();
    try {
      await migrateDb(handle);
      await seedDemoWorld(handle, { customers: 40, period: "2025", seed: 5 });
      const outcome = await (
        await startRun(handle, { actor: { id: "demo-risk", role: "risk_manager" }, period: "2025" })
      ).completion;
      if (outcome.status !== "succeeded") throw new Error(outcome.error);
      runId = outcome.runId;
      officerIds = [];
      for await (const page of readRunExport(handle, { runId, officerCode: "O001" }))
        officerIds.push(...page.map((row) => row.customerId));
    } finally {
      await handle.close();
    }
    vi.stubEnv("DATABASE_URL", kind === "postgres" ? located.location : "");
    vi.stubEnv("PGLITE_DIR", kind === "pglite" ? located.location : "");
  }, 240_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
    await located?.dispose();
  });

  it(
    "writes one officer's customers of a run as CSV and XLSX, the same rows in both",
    { timeout: 120_000 },
    async () => {
      const csvPath = join(dir, "o001.csv");
      const { stdout, error } = await runCommands(
        [registerExport],
        ["export", "--run", String(runId), "--officer", "O001", "--out", csvPath],
      );
      expect(error).toBeNull();
      expect(stdout).toContain(`exported ${officerIds.length} customers of run ${runId}`);
      const [header, ...lines] = readFileSync(csvPath, "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      const columns = header!.split(",");
      expect(columns.slice(0, 3)).toEqual(["customer_id", "name", "officer"]);
      expect(lines.map((line) => line.split(",")[0])).toEqual(officerIds);
      expect(new Set(lines.map((line) => line.split(",")[columns.indexOf("officer")]))).toEqual(new Set(["O001"]));

      const xlsxPath = join(dir, "o001.xlsx");
      expect(
        (
          await runCommands(
            [registerExport],
            ["export", "--run", String(runId), "--officer", "O001", "--out", xlsxPath],
          )
        ).error,
      ).toBeNull();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsxPath);
      const ids: string[] = [];
      workbook.getWorksheet("customers")!.eachRow((row, n) => {
        if (n > 1) ids.push(row.getCell(1).text);
      });
      expect(ids).toEqual(officerIds);
    },
  );

  it("refuses a run that does not exist and leaves no file", { timeout: 60_000 }, async () => {
    const out = join(dir, "missing.csv");
    const { error } = await runCommands([registerExport], ["export", "--run", "9999", "--out", out]);
    expect(error).not.toBeNull();
    expect(() => readFileSync(out)).toThrow();
  });
});
