import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { bufferSource, fileSource } from "../source";
import { fixturePath } from "../testing/fixtures";
import { detectDelimiter } from "./detect-delimiter";
import { openTable } from "./open-table";

async function readAll(source: ReturnType<typeof bufferSource>, options = {}) {
  const opening = await openTable(source, options);
  if (!opening.ok) return { code: opening.code };
  const rows = [];
  for await (const batch of opening.table.rows) rows.push(...batch);
  return { info: opening.table.info, rows };
}

describe("openTable", () => {
  it("detects GBK without a BOM and decodes Chinese headers", async () => {
    const result = await readAll(fileSource(fixturePath("loans-gbk.csv")));
    expect(result.info).toEqual({ format: "csv", encoding: "gb18030", delimiter: ",", sheet: null });
    expect(result.rows?.[0]?.cells[0]).toBe("借据号");
  });

  it("strips a UTF-8 BOM", async () => {
    const result = await readAll(fileSource(fixturePath("customers-utf8-bom.csv")));
    expect(result.info?.encoding).toBe("utf-8");
    expect(result.rows?.[0]?.cells[0]).toBe("customer_id");
  });

  it("lets an explicit encoding win", async () => {
    const bytes = iconv.encode("客户编号,客户名称\nC1,华力\n", "gbk");
    const result = await readAll(bufferSource("x.csv", bytes), { encoding: "gbk" });
    expect(result.info?.encoding).toBe("gbk");
    expect(result.rows?.[1]?.cells).toEqual(["C1", "华力"]);
  });

  it("reads UTF-16 tab-separated exports (Excel's Unicode text)", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode("客户编号\t客户名称\r\nC1\t华力\r\n", "utf-16le"),
    ]);
    const result = await readAll(bufferSource("x.txt", bytes));
    expect(result.info).toMatchObject({ encoding: "utf-16le", delimiter: "\t" });
    expect(result.rows?.[1]?.cells).toEqual(["C1", "华力"]);
  });

  it("numbers rows as lines, skipping nothing", async () => {
    const result = await readAll(bufferSource("x.csv", Buffer.from('a,b\n1,"multi\nline"\n2,x\n')));
    expect(result.rows?.map((row) => row.rowNumber)).toEqual([1, 2, 4]);
    // Blank lines are skipped, not renumbered: the row after them is named by the line it is on.
    const blank = await readAll(bufferSource("x.csv", Buffer.from('a,b\r\n\r\n1,"multi\r\nline"\r\n\r\n\r\n2,x\r\n')));
    expect(blank.rows?.map((row) => row.rowNumber)).toEqual([1, 3, 7]);
    const mixed = await readAll(bufferSource("x.csv", Buffer.from('a,b\n1,"m\r\nl"\n\n2,x\n3,"p\rq"\n4,y\n')));
    expect(mixed.rows?.map((row) => row.rowNumber)).toEqual([1, 2, 5, 6, 8]);
  });

  it("parses in a worker thread the rows, row numbers and damage the calling thread finds", async () => {
    const lines = ["借据号,金额"];
    for (let i = 1; i <= 3_000; i++) lines.push(i % 7 === 0 ? `"L${i}\n续",${i}.5` : `L${i},${i}`);
    const text = `${lines.join("\r\n")}\r\n\r\nL-after-blank,1\r\n"unclosed,2\r\n`;
    for (const bytes of [Buffer.from(text), iconv.encode(text, "gbk")]) {
      const read = async (parseThread: "worker" | "calling") => {
        const opening = await openTable(bufferSource("loans.csv", bytes), { parseThread });
        if (!opening.ok) throw new Error(opening.code);
        const rows = [];
        try {
          for await (const batch of opening.table.rows) rows.push(...batch);
        } catch (error) {
          return { rows, error: { ...(error as object), message: (error as Error).message } };
        }
        return { rows, error: null };
      };
      const inWorker = await read("worker");
      expect(inWorker).toEqual(await read("calling"));
      expect(inWorker.rows.length).toBeGreaterThan(3_000);
      expect(inWorker.rows.at(-1)).toEqual({ rowNumber: 3_431, cells: ["L-after-blank", "1"] });
      expect(inWorker.error).toMatchObject({ code: "unclosed_quote" });
    }
  });

  it("refuses a truncated XLSX as unreadable", async () => {
    const bytes = readFileSync(fixturePath("loans-excel-dates.xlsx"));
    expect(
      await readAll(bufferSource("cut.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2))), { sheet: "贷款明细" }),
    ).toMatchObject({ code: "unreadable_xlsx" });
  });

  it("reads XLSX cells as typed values: dates, numbers, percent text", async () => {
    const result = await readAll(fileSource(fixturePath("loans-excel-dates.xlsx")), { sheet: "贷款明细" });
    expect(result.rows?.[1]?.cells.slice(3, 8)).toEqual([
      3_000_000,
      "4.35%",
      12,
      new Date(Date.UTC(2016, 0, 15)),
      new Date(Date.UTC(2017, 0, 15)),
    ]);
  });

  it("reads Chinese text whole from a sheet larger than one chunk of its zip stream", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("贷款");
    const names = Array.from({ length: 5_000 }, (_, i) => `${"流动资金贷款".repeat(1 + (i % 3))}${i}号`);
    sheet.addRow(["产品"]);
    for (const name of names) sheet.addRow([name]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await readAll(bufferSource("wide.xlsx", bytes));
    expect(result.rows?.slice(1).map((row) => row.cells[0])).toEqual(names);
  });

  it("refuses an old binary XLS", async () => {
    const bytes = Buffer.from(readFileSync(fixturePath("bad/binary-junk.csv")));
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    expect(await readAll(bufferSource("old.xls", bytes))).toEqual({ code: "unsupported_format" });
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1,5;2;3\n", ";"],
    ["a\tb\tc\n1\t2\t3\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
    ['"x,y";b;c\n1;2;3\n', ";"],
    ["a b c\n1 2 3\n", ","],
  ])("%j → %j", (sample, delimiter) => {
    expect(detectDelimiter(sample)).toBe(delimiter);
  });
});
