import type { CustomerListRow } from "@creditseg/db";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  createTableWriter,
  customerListColumns,
  EXPORT_HEADERS,
  type CustomerExportFormat,
} from "./customer-export-format";

/** The bytes a writer produces for `rows`, in pages of `pageRows`. */
async function write(format: CustomerExportFormat, rows: CustomerListRow[], pageRows = 2): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  const columns = customerListColumns({ clusterLabels: new Map() });
  const writer = createTableWriter(format, columns, async (bytes) => void pieces.push(bytes));
  for (let i = 0; i < rows.length; i += pageRows) await writer.addRows(rows.slice(i, i + pageRows));
  await writer.end();
  return Buffer.concat(pieces);
}

const row: CustomerListRow = {
  customerId: "C001",
  name: '=HYPERLINK("http://x")',
  industry: "+manufacturing",
  region: "@east",
  size: "small",
  officer: "-O001",
  creditRating: "A",
  contributionFen: -500_000n,
  depositContributionFen: 0n,
  loanContributionFen: -500_000n,
  feeIncomeFen: 0n,
  loanBalanceFen: 100n,
  depositBalanceFen: 0n,
  classification: "normal",
  tier: "general",
  grade: "A",
  effectiveTier: "general",
  effectiveGrade: "A",
  gradeScore: "50.00",
  cluster: 1,
  overrideTier: null,
  overrideGrade: null,
  overrideId: null,
};

describe("customer export", () => {
  it("neutralises uploaded text but keeps negative amounts numeric, with a BOM for Excel", async () => {
    const csv = (await write("csv", [row])).toString("utf8");
    expect(csv.startsWith("\uFEFFcustomer_id,")).toBe(true);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain("'+manufacturing");
    expect(line).toContain("'@east");
    expect(line).toContain("'-O001");
    expect(line).toContain(",-5000.00,");
  });

  it("writes every page of rows in order, the header once, CSV and XLSX alike", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      ...row,
      customerId: `C${String(i).padStart(3, "0")}`,
      name: `客户${i}`,
    }));
    const csv = (await write("csv", rows, 3))
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csv[0]).toBe(EXPORT_HEADERS.join(","));
    expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(rows.map((r) => r.customerId));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await write("xlsx", rows, 3)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("customers")!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe("客户0");
    expect(sheet.getRow(8).getCell(1).value).toBe("C006");
    // Amounts are numeric cells; the uploaded "-O001" officer text is neutralised.
    expect(sheet.getRow(2).getCell(EXPORT_HEADERS.indexOf("contribution_cny") + 1).value).toBe(-5000);
    expect(sheet.getRow(2).getCell(EXPORT_HEADERS.indexOf("officer") + 1).value).toBe("'-O001");
  });

  it("writes the header alone for an empty selection", async () => {
    expect((await write("csv", [])).toString("utf8")).toBe(`\uFEFF${EXPORT_HEADERS.join(",")}\r\n`);
  });
});
