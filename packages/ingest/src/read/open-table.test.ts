import { readFileSync } from "node:fs";
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
  for await (const row of opening.table.rows) rows.push(row);
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
