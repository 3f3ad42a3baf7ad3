import { readFileSync } from "node:fs";
import type { DbHandle } from "@creditseg/db";
import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBatches } from "../batches/list-batches";
import { rollbackBatch } from "../batches/rollback-batch";
import { bufferSource, fileSource } from "../source";
import { fixturePath, loadFixtureCustomers, snapshotTables } from "../testing/fixtures";
import { commitImport } from "./commit-import";

const actor = { id: null };

describeEachDb("commitImport with real-shaped files", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
    await loadFixtureCustomers(handle);
  });
  afterAll(async () => handle.close());

  it("loads the UTF-8 BOM customers file with English headers", async () => {
    const rows = await handle.raw<{
      customer_id: string;
      name: string;
      size: string;
      revenue_fen: string | null;
      credit_rating: string | null;
    }>("select customer_id, name, size, revenue_fen::text, credit_rating from customers order by customer_id");
    expect(rows.map((row) => row.customer_id)).toEqual(["C001", "C002", "C003", "C004", "C005"]);
    expect(rows[0]).toMatchObject({ name: "杭州华力机械有限公司", size: "small", revenue_fen: "5800000000" });
    expect(rows[2]?.revenue_fen).toBe("860000050");
    expect(rows[3]).toMatchObject({ credit_rating: null, revenue_fen: null });
  });

  it("loads the GBK loan file with Chinese headers, 万元 amounts and mixed date forms", async () => {
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2015",
      file: fileSource(fixturePath("loans-gbk.csv")),
      actor,
    });
    expect(report.fileRejects).toEqual([]);
    expect(report.rejects).toEqual([]);
    expect(report.status).toBe("committed");
    expect(report.table).toMatchObject({ format: "csv", encoding: "gb18030", delimiter: "," });
    expect(report.columns.find((column) => column.column === "amount")).toEqual({
      header: "金额(万元)",
      column: "amount",
      unit: "wan",
    });
    expect(report.changes).toEqual({ inserted: 5, updated: 0, deleted: 0 });
    expect(report.totals).toMatchObject({
      rowsRead: 5,
      rowsAccepted: 5,
      rowsRejected: 0,
      totalReadFen: 5_313_000_000n,
      totalAcceptedFen: 5_313_000_000n,
      totalRejectedFen: 0n,
    });
    const [loan] = await handle.raw<Record<string, string>>(
      "select amount_fen::text, rate_pct::text, start_date::text, maturity_date::text, guarantee::text, classification::text from loans where loan_id = 'L2015002'",
    );
    expect(loan).toEqual({
      amount_fen: "1200500000",
      rate_pct: "4.900000",
      start_date: "2015-03-15",
      maturity_date: "2020-03-15",
      guarantee: "collateral",
      classification: "normal",
    });
    const [third] = await handle.raw<Record<string, string>>(
      "select start_date::text, classification::text from loans where loan_id = 'L2015003'",
    );
    expect(third).toEqual({ start_date: "2015-06-10", classification: "special_mention" });
  });

  it("loads the XLSX sheet by name, with Excel dates and percent-formatted rates", async () => {
    const phases: string[] = [];
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2016",
      file: fileSource(fixturePath("loans-excel-dates.xlsx")),
      options: { sheet: "贷款明细" },
      actor,
      onProgress: (progress) => {
        if (phases.at(-1) !== progress.phase) phases.push(progress.phase);
      },
    });
    expect(report.fileRejects).toEqual([]);
    expect(report.rejects).toEqual([]);
    expect(report.status).toBe("committed");
    expect(phases).toEqual(["validating", "staging", "merging", "merged", "committed"]);
    expect(report.table).toMatchObject({ format: "xlsx", sheet: "贷款明细" });
    const rows = await handle.raw<Record<string, string>>(
      "select loan_id, rate_pct::text, start_date::text, avg_daily_balance_fen::text, classification::text from loans where period = '2016' order by loan_id",
    );
    expect(rows[0]).toEqual({
      loan_id: "L2016001",
      rate_pct: "4.350000",
      start_date: "2016-01-15",
      avg_daily_balance_fen: "295000050",
      classification: "normal",
    });
    expect(rows[1]).toMatchObject({
      start_date: "2016-02-29",
      classification: "special_mention",
      rate_pct: "5.220000",
    });
  });

  it("reads the first sheet when none is named (and finds no loan header there)", async () => {
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2017",
      file: fileSource(fixturePath("loans-excel-dates.xlsx")),
      actor,
    });
    expect(report.status).toBe("rejected");
    expect(report.table?.sheet).toBe("说明");
    expect(report.fileRejects.map((reject) => reject.code)).toEqual(["unrecognised_delimiter"]);
  });

  it("detects a re-upload of the same file and does not double count", async () => {
    const before = await snapshotTables(handle);
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2015",
      file: fileSource(fixturePath("loans-gbk.csv")),
      actor,
    });
    expect(report.status).toBe("duplicate");
    expect(report.totals.rowsAccepted).toBe(5);
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it("amends by natural key, records before-images, and rolls back to the previous state", async () => {
    const before = await snapshotTables(handle);
    const text = iconv.decode(readFileSync(fixturePath("loans-gbk.csv")), "gbk");
    const amended = text
      .replace("4.90%", "5.10%")
      .replace("L2015005,C005,项目贷款,3000", "L2015006,C005,项目贷款,3000");
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2015",
      file: bufferSource("loans-amend.csv", iconv.encode(amended, "gbk")),
      options: { mode: "amend" },
      actor,
    });
    expect(report.status).toBe("committed");
    expect(report.changes).toEqual({ inserted: 1, updated: 1, deleted: 0 });
    const [history] = await handle.raw<{ n: number }>(
      "select count(*)::int as n from import_row_history where batch_id = $1",
      [report.batchId],
    );
    expect(history?.n).toBe(1);
    const result = await rollbackBatch({ handle, batchId: report.batchId!, actor });
    expect(result).toMatchObject({ deleted: 1, restored: 1 });
    const after = await snapshotTables(handle);
    for (const table of ["customers", "loans"]) expect(after[table]).toEqual(before[table]);
    const batches = await listBatches({ handle, kind: "loans", period: "2015" });
    expect(batches.map((batch) => batch.status)).toEqual(["rolled_back", "committed"]);
    expect(batches[0]).toMatchObject({
      fileName: "loans-amend.csv",
      rowsRead: 5,
      rowsAccepted: 5,
      changes: { inserted: 1, updated: 1, deleted: 0 },
    });
    expect(batches[0]?.rolledBackAt).toBeInstanceOf(Date);
  });

  it("replaces a period: rows missing from the file are removed and restored by rollback", async () => {
    const before = await snapshotTables(handle);
    const text = iconv.decode(readFileSync(fixturePath("loans-gbk.csv")), "gbk");
    const shorter = text
      .split("\r\n")
      .filter((line) => !line.startsWith("L2015004"))
      .join("\r\n");
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2015",
      file: bufferSource("loans-replace.csv", iconv.encode(shorter, "gbk")),
      options: { mode: "replace" },
      actor,
    });
    expect(report.changes).toEqual({ inserted: 0, updated: 0, deleted: 1 });
    const [count] = await handle.raw<{ n: number }>("select count(*)::int as n from loans where period = '2015'");
    expect(count?.n).toBe(4);
    await rollbackBatch({ handle, batchId: report.batchId!, actor });
    expect((await snapshotTables(handle)).loans).toEqual(before.loans);
    const audit = await handle.raw<{ action: string; detail: Record<string, unknown> }>(
      "select action, detail from audit_log where entity_id = $1 order by id",
      [report.batchId],
    );
    expect(audit.map((row) => row.action)).toEqual(["import.commit", "import.rollback"]);
    expect(audit[0]?.detail).toMatchObject({
      kind: "loans",
      period: "2015",
      mode: "replace",
      changes: { inserted: 0, updated: 0, deleted: 1 },
    });
    expect(JSON.stringify(audit)).not.toContain("C00");
  });

  // A batch a stored run used is refused too: tested in the engine with a run made by startRun (rollback-guard.test.ts).
  it("refuses to roll back a batch followed by a later batch of the same kind and period", async () => {
    const older = (await listBatches({ handle, kind: "loans", period: "2015" })).find(
      (batch) => batch.status === "committed",
    );
    const text = iconv.decode(readFileSync(fixturePath("loans-gbk.csv")), "gbk").replace("6.50%", "6.60%");
    const later = await commitImport({
      handle,
      kind: "loans",
      period: "2015",
      file: bufferSource("loans-later.csv", iconv.encode(text, "gbk")),
      actor,
    });
    expect(later.status).toBe("committed");
    await expect(rollbackBatch({ handle, batchId: older!.id, actor })).rejects.toMatchObject({
      code: "later_batch_exists",
    });
  });
});

describe("period rules", () => {
  it("requires a period for periodic kinds", async () => {
    const handle = await createTestDb("pglite");
    try {
      await expect(
        commitImport({ handle, kind: "loans", file: fileSource(fixturePath("loans-gbk.csv")), actor }),
      ).rejects.toMatchObject({ code: "invalid_option" });
      // The period syntax is core's parsePeriod: the same strings a run and the web accept.
      for (const period of ["2025H1", "20250", "2025-13", "FY2025"]) {
        await expect(
          commitImport({ handle, kind: "loans", period, file: fileSource(fixturePath("loans-gbk.csv")), actor }),
        ).rejects.toMatchObject({ code: "invalid_option", message: expect.stringContaining(period) });
      }
    } finally {
      await handle.close();
    }
  });
});

describeEachDb("a first load of a period", (kind) => {
  const storedLoans = (handle: DbHandle) =>
    handle.raw<Record<string, string>>(
      `select period, loan_id, customer_id, product, amount_fen::text, rate_pct::text, term_months, start_date::text,
         maturity_date::text, guarantee::text, classification::text, avg_daily_balance_fen::text, days
       from loans order by period, loan_id`,
    );
  const gbkLoans = () => iconv.decode(readFileSync(fixturePath("loans-gbk.csv")), "gbk");

  it("is COPYed straight into the table, storing what the merge stores, and rolls back to nothing", async () => {
    // One database loads the file into an empty period (straight COPY); the other first loads one of its rows, so
    // the whole file then goes through the staging table and the merge.
    const straight = await createTestDb(kind);
    const merged = await createTestDb(kind);
    try {
      await loadFixtureCustomers(straight);
      await loadFixtureCustomers(merged);
      const first = await commitImport({
        handle: straight,
        kind: "loans",
        period: "2015",
        file: fileSource(fixturePath("loans-gbk.csv")),
        actor,
      });
      expect(first.status).toBe("committed");
      expect(first.changes).toEqual({ inserted: 5, updated: 0, deleted: 0 });

      const [header, firstRow] = gbkLoans().split("\r\n");
      const seeded = await commitImport({
        handle: merged,
        kind: "loans",
        period: "2015",
        file: bufferSource("loans-one.csv", iconv.encode(`${header}\r\n${firstRow}\r\n`, "gbk")),
        actor,
      });
      expect(seeded.changes).toEqual({ inserted: 1, updated: 0, deleted: 0 });
      const rest = await commitImport({
        handle: merged,
        kind: "loans",
        period: "2015",
        file: fileSource(fixturePath("loans-gbk.csv")),
        actor,
      });
      expect(rest.changes).toEqual({ inserted: 4, updated: 0, deleted: 0 });

      expect(await storedLoans(straight)).toEqual(await storedLoans(merged));
      const [stamped] = await straight.raw<{ n: number }>(
        "select count(*)::int as n from loans where import_batch_id = $1",
        [first.batchId],
      );
      expect(stamped?.n).toBe(5);
      await rollbackBatch({ handle: straight, batchId: first.batchId!, actor });
      expect(await storedLoans(straight)).toEqual([]);
    } finally {
      await straight.close();
      await merged.close();
    }
  });
});
