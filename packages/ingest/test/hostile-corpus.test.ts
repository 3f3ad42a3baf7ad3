import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbHandle } from "@creditseg/db";
import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { commitImport } from "../src/commit/commit-import";
import { fileSource } from "../src/source";
import { loadFixtureCustomers, snapshotTables } from "../src/testing/fixtures";
import { writeHostileCorpus } from "../src/testing/hostile-corpus";

const actor = { id: null };

/** Each hostile file, and the reason it must be refused with: a row reject (r:) or a file-level one (f:). */
const REFUSALS: [file: string, reason: string, column?: string][] = [
  ["overflow-amount.csv", "r:amount_out_of_range", "amount"],
  ["overflow-fen.csv", "r:amount_out_of_range", "avg_daily_balance"],
  ["sum-overflow.csv", "f:control_total_overflow"],
  ["nul-text.csv", "r:nul_character", "product"],
  ["control-esc.csv", "r:control_character", "product"],
  ["control-bel.csv", "r:control_character", "loan_id"],
  ["c1-control.csv", "r:control_character", "product"],
  ["bidi-override.csv", "r:bidi_control", "product"],
  ["bidi-isolate.csv", "r:bidi_control", "customer_id"],
  ["huge-term.csv", "r:value_out_of_range", "term_months"],
  ["huge-rate.csv", "r:rate_out_of_range", "rate"],
  ["long-text.csv", "r:text_too_long", "product"],
  ["xlsx-1e20.xlsx", "r:amount_out_of_range", "amount"],
  ["gbk-after-64k.csv", "f:encoding_mismatch"],
  ["mixed-encodings.csv", "f:mixed_encodings"],
  ["start-after-period.csv", "r:start_after_period", "start_date"],
  ["matured-before-period.csv", "r:matured_before_period", "maturity_date"],
  ["days-over-period.csv", "r:days_exceed_period", "days"],
  ["days-over-life.csv", "r:days_exceed_loan_life", "days"],
  ["shared-strings-bomb.xlsx", "f:xlsx_compression_ratio"],
  ["one-char-rows.csv", "f:too_many_rejects"],
];

describeEachDb("the hostile corpus is refused by name and leaves the database unchanged", (kind) => {
  let handle: DbHandle;
  let dir: string;
  let paths: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "creditseg-hostile-"));
    // A 64 MB shared-strings part in a 70 KB workbook, and 200,000 one-character rows: the classes, at test size.
    paths = await writeHostileCorpus(dir, { bombInflatedBytes: 64 * 1024 * 1024, oneCharRows: 200_000 });
    handle = await createTestDb(kind);
    await loadFixtureCustomers(handle);
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(REFUSALS)("%s → %s", async (name, reason, column) => {
    const before = await snapshotTables(handle);
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: fileSource(paths[name]!),
      options: { budgets: { maxRejectedRows: 1_000 } },
      actor,
    });
    expect(report.status).toBe("rejected");
    const [scope, code] = reason.split(":") as ["r" | "f", string];
    if (scope === "f") expect(report.fileRejects.map((reject) => reject.code)).toContain(code);
    else expect(report.rejects.map((reject) => [reject.code, reject.column])).toContainEqual([code, column]);
    expect(report.rejects.length).toBeLessThanOrEqual(10_000);
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it.each(REFUSALS.filter(([name]) => name.endsWith(".csv")))(
    "%s gets the same report when a worker thread parses it",
    async (name) => {
      const before = await snapshotTables(handle);
      const importWith = (parseThread: "worker" | "calling") =>
        commitImport({
          handle,
          kind: "loans",
          period: "2025",
          file: fileSource(paths[name]!),
          options: { budgets: { maxRejectedRows: 1_000 }, parseThread },
          actor,
        });
      expect(await importWith("worker")).toEqual(await importWith("calling"));
      expect(await snapshotTables(handle)).toEqual(before);
    },
  );

  it("names the row where a UTF-8 file turns to GBK", async () => {
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: fileSource(paths["gbk-after-64k.csv"]!),
      actor,
    });
    expect(report.fileRejects[0]).toMatchObject({ code: "encoding_mismatch", rowNumber: 802 });
    expect(report.fileRejects[0]?.params).toEqual({ readAs: "UTF-8", row: 802 });
  });

  it("stores a cell's NUL and bidi characters escaped in the rejects of an accept-valid batch", async () => {
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: fileSource(paths["bidi-override.csv"]!),
      options: { isAcceptValid: true },
      actor,
    });
    expect(report.status).toBe("rejected");
    expect(report.rejects[0]?.value).toBe("流动\\u202e金资");
  });

  it("loads a rate that may be a fraction, with a warning in the report", async () => {
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: fileSource(paths["rate-as-fraction.csv"]!),
      actor,
    });
    expect(report.status).toBe("committed");
    expect(report.warnings).toMatchObject([
      { code: "rate_may_be_fraction", rowNumber: 2, column: "rate", value: "0.0435" },
    ]);
  });

  it("loads a second sheet and a replace of the same workbook, and only the same rows again are already loaded", async () => {
    const file = fileSource(paths["two-sheets.xlsx"]!);
    const load = (options: { sheet?: string; mode?: "amend" | "replace" }) =>
      commitImport({ handle, kind: "loans", period: "2026", file, options, actor });
    expect((await load({})).status).toBe("committed");
    expect((await load({ sheet: "first" })).status).toBe("duplicate");
    expect((await load({ sheet: "second" })).status).toBe("committed");
    const wrongSheet = await load({ sheet: "third" });
    expect(wrongSheet.status).toBe("rejected");
    expect(wrongSheet.fileRejects.map((reject) => reject.code)).toEqual(["sheet_not_found"]);
    expect((await load({ sheet: "second", mode: "replace" })).status).toBe("committed");
    expect((await load({ sheet: "second", mode: "replace" })).status).toBe("duplicate");
  });

  it("loads a file again with a mapping that binds its headers differently", async () => {
    const file = fileSource(paths["rate-as-fraction.csv"]!);
    const options = { mapping: { days: "days", product: "product" } };
    // Same bytes as the committed file above, period 2025: the binding is the same, so it is already loaded…
    expect((await commitImport({ handle, kind: "loans", period: "2025", file, actor })).status).toBe("duplicate");
    // …unless the mapping changes what a header fills.
    const remapped = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file,
      options: { ...options, mapping: { loan_id: "loan_id", product: "guarantee", guarantee: "product" } },
      actor,
    });
    expect(remapped.status).not.toBe("duplicate");
  });
});
