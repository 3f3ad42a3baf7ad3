import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDb } from "@creditseg/db";
import { createLocatedDb, describeEachDb, type LocatedDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { runCommands } from "../testing/run-commands";
import { register as registerImport } from "./import";

describeEachDb("creditseg import: reasons in words", (kind) => {
  let located: LocatedDb;
  const scratch = mkdtempSync(join(tmpdir(), "creditseg-import-"));
  beforeAll(async () => {
    located = await createLocatedDb(kind);
    const handle = await located.open();
    try {
      await migrateDb(handle);
    } finally {
      await handle.close();
    }
    vi.stubEnv("DATABASE_URL", kind === "postgres" ? located.location : "");
    vi.stubEnv("PGLITE_DIR", kind === "pglite" ? located.location : "");
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await located?.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("prints each reject's reason in English and Chinese, rendered from its code and parameters", async () => {
    const file = join(scratch, "customers.csv");
    writeFileSync(
      file,
      [
        "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
        "T001,测试机械有限公司,制造业,浙江,giant,AA,O001,50,1.5,4,50000000,0",
        "T001,测试机械有限公司,制造业,浙江,small,AA,O001,50.12345,1.5,4,50000000,0",
        "T001,测试机械有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0",
        "T001,测试机械有限公司,制造业,浙江,small,AA,O001,50,1.5,4,50000000,0",
      ].join("\n"),
    );
    const { stdout, error } = await runCommands([registerImport], ["import", file, "--kind", "customers", "--dry-run"]);
    expect(error?.exitCode).toBe(2);
    expect(stdout).toMatch(
      /size +invalid_choice +"giant" +not one of the allowed values: allowed: .+ \/ 不是允许的取值：可填 /,
    );
    expect(stdout).toContain("not a valid number: at most 4 decimals / 不是有效的数字：最多 4 位小数");
    expect(stdout).toContain("duplicate key within the file: same as row 4 / 文件内主键重复：与第 4 行重复");
  });

  it("names a missing column by its Chinese header in the Chinese words", async () => {
    const file = join(scratch, "no-region.csv");
    writeFileSync(
      file,
      [
        "customer_id,name,industry,size,credit_rating,officer,debt_ratio",
        "T002,测试港口有限公司,交通运输,small,AA,O001,50",
      ].join("\n"),
    );
    const { stdout } = await runCommands([registerImport], ["import", file, "--kind", "customers", "--dry-run"]);
    expect(stdout).toContain("a required column is missing: region / 缺少必需列：地区");
  });
});
