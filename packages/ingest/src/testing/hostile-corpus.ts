import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

/**
 * Hostile and careless files for the import path, generated on demand (nothing large is committed): each
 * holds loans for period 2025 of the fixture customers C001–C005, broken in exactly one way.
 */
export const LOAN_HEADER =
  "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days";

/** A valid loan line; `overrides` replaces columns by canonical name. */
export function loanLine(loanId: string, overrides: Partial<Record<string, string>> = {}): string {
  const cells: Record<string, string> = {
    loan_id: loanId,
    customer_id: "C001",
    product: "流动资金贷款",
    amount: "5000000.00",
    rate: "4.35",
    term_months: "12",
    start_date: "2025-01-15",
    maturity_date: "2026-01-15",
    guarantee: "保证",
    classification: "正常",
    avg_daily_balance: "4200000.00",
    days: "351",
    ...overrides,
  };
  return LOAN_HEADER.split(",")
    .map((column) => {
      const cell = cells[column] ?? "";
      return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    })
    .join(",");
}

const csv = (lines: string[]) => `${[LOAN_HEADER, ...lines].join("\n")}\n`;

/** One entry of a hand-built zip: its deflated bytes, with the sizes and CRC the headers declare. */
type ZipEntry = { name: string; deflated: Buffer; crc: number; size: number };

function zipEntry(name: string, content: string): ZipEntry {
  const bytes = Buffer.from(content, "utf8");
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

/**
 * A deflated entry of about `size` bytes: `head`, `unit` repeated, `tail`. Deflated as a stream, so the
 * generator never holds the inflated text: this is how a workbook of a few MB inflates to gigabytes.
 */
async function repeatedZipEntry(args: {
  name: string;
  head: string;
  unit: string;
  tail: string;
  size: number;
}): Promise<ZipEntry> {
  const chunk = Buffer.from(args.unit.repeat(Math.max(1, Math.floor((1 << 20) / args.unit.length))), "utf8");
  const head = Buffer.from(args.head, "utf8");
  const tail = Buffer.from(args.tail, "utf8");
  const repeats = Math.max(1, Math.floor((args.size - head.length - tail.length) / chunk.length));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (part: Buffer) => out.push(part));
  const ended = once(deflate, "end");
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < repeats; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, "drain");
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await ended;
  return {
    name: args.name,
    deflated: Buffer.concat(out),
    crc,
    size: head.length + tail.length + repeats * chunk.length,
  };
}

/** A zip archive (deflate, no data descriptors, sizes below 4 GiB) of the entries, in order. */
function buildZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * An XLSX zip bomb: a valid one-sheet loan workbook whose shared-strings part inflates to `inflatedBytes`
 * (thousands of 1 KB strings), while the file itself stays about a thousandth of that.
 */
export async function buildSharedStringsBomb(inflatedBytes: number): Promise<Buffer> {
  const headers = LOAN_HEADER.split(",");
  const cell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  const columnLetter = (index: number) => String.fromCharCode(65 + index);
  const sheet = `${XML}<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1">${headers
    .map((_, index) => cell(`${columnLetter(index)}1`, index))
    .join("")}</row></sheetData></worksheet>`;
  const strings = await repeatedZipEntry({
    name: "xl/sharedStrings.xml",
    head: `${XML}<sst xmlns="${MAIN_NS}">${headers.map((header) => `<si><t>${header}</t></si>`).join("")}`,
    unit: `<si><t>${"A".repeat(1000)}</t></si>`,
    tail: "</sst>",
    size: inflatedBytes,
  });
  return buildZip([
    zipEntry(
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    zipEntry(
      "_rels/.rels",
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    zipEntry(
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="loans" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    zipEntry(
      "xl/_rels/workbook.xml.rels",
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    strings,
    zipEntry("xl/worksheets/sheet1.xml", sheet),
  ]);
}

/** A loan workbook written by exceljs, one sheet per entry of `sheets` (name → data rows as cell arrays). */
export async function buildLoanWorkbook(sheets: Record<string, (string | number)[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(LOAN_HEADER.split(","));
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A loan row as XLSX cells (amounts as numbers), with `overrides` by canonical column. */
export function loanCells(
  loanId: string,
  overrides: Partial<Record<string, string | number>> = {},
): (string | number)[] {
  const cells: Record<string, string | number> = {
    loan_id: loanId,
    customer_id: "C001",
    product: "流动资金贷款",
    amount: 5_000_000,
    rate: 4.35,
    term_months: 12,
    start_date: "2025-01-15",
    maturity_date: "2026-01-15",
    guarantee: "保证",
    classification: "正常",
    avg_daily_balance: 4_200_000,
    days: 351,
    ...overrides,
  };
  return LOAN_HEADER.split(",").map((column) => cells[column] ?? "");
}

/** UTF-8 loan rows past the first 64 KB, then one row whose product is written in GBK. */
export function buildGbkAfterUtf8(utf8Rows = 800): Buffer {
  const lines = Array.from({ length: utf8Rows }, (_, i) => loanLine(`L${String(i + 1).padStart(6, "0")}`));
  const head = Buffer.from(csv(lines), "utf8");
  const gbkRow = iconv.encode(`${loanLine("LGBK0001", { product: "固定资产贷款" })}\n`, "gbk");
  return Buffer.concat([head, gbkRow]);
}

/** The named corpus files, as bytes, keyed by file name. */
export type HostileCorpus = Record<string, Buffer>;

/** Every small hostile file (the bomb and the 2M-row file are built by their own functions: they cost time). */
export async function buildHostileCorpus(): Promise<HostileCorpus> {
  const text = (lines: string[]) => Buffer.from(csv(lines), "utf8");
  return {
    "overflow-amount.csv": text([loanLine("L1", { amount: "99999999999999999999" })]),
    "overflow-fen.csv": text([loanLine("L1", { avg_daily_balance: "92233720368547758.08" })]),
    "sum-overflow.csv": text([
      loanLine("L1", { avg_daily_balance: "50000000000000000.00" }),
      loanLine("L2", { avg_daily_balance: "50000000000000000.00" }),
    ]),
    "nul-text.csv": text([loanLine("L1", { product: "流动\u0000资金" })]),
    "control-esc.csv": text([loanLine("L1", { product: "流动\u001b[31m资金" })]),
    "control-bel.csv": text([loanLine("L1", { loan_id: "L\u00071" })]),
    "c1-control.csv": text([loanLine("L1", { product: "流动\u0085资金" })]),
    "bidi-override.csv": text([loanLine("L1", { product: "流动\u202e金资" })]),
    "bidi-isolate.csv": text([loanLine("L1", { customer_id: "C001\u2066" })]),
    "huge-term.csv": text([loanLine("L1", { term_months: "99999999999999" })]),
    "huge-rate.csv": text([loanLine("L1", { rate: "123456789.5" })]),
    "long-text.csv": text([loanLine("L1", { product: "产".repeat(5000) })]),
    "xlsx-1e20.xlsx": await buildLoanWorkbook({ loans: [loanCells("L1", { amount: 1e20 })] }),
    "gbk-after-64k.csv": buildGbkAfterUtf8(),
    "mixed-encodings.csv": Buffer.concat([
      iconv.encode(`${LOAN_HEADER}\n${loanLine("L1", { product: "流动资金贷款" })}\n`, "gbk"),
      Buffer.from(
        `${loanLine("L2", { product: "固定资产贷款" })}\n${loanLine("L3", { product: "项目贷款" })}\n`,
        "utf8",
      ),
    ]),
    "start-after-period.csv": text([loanLine("L1", { start_date: "2099-01-01", maturity_date: "2099-12-31" })]),
    "matured-before-period.csv": text([loanLine("L1", { start_date: "1990-01-01", maturity_date: "1991-01-01" })]),
    "days-over-period.csv": text([loanLine("L1", { days: "366" })]),
    "days-over-life.csv": text([
      loanLine("L1", { start_date: "2025-06-01", maturity_date: "2025-06-30", term_months: "1", days: "200" }),
    ]),
    "rate-as-fraction.csv": text([loanLine("L1", { rate: "0.0435" })]),
    "two-sheets.xlsx": await buildLoanWorkbook({
      first: [loanCells("LS1")],
      second: [loanCells("LS2")],
    }),
  };
}

/** `rows` one-character data rows under a loan header: tiny per row, costly when each row is a reject. */
export function buildOneCharRows(rows: number): Buffer {
  return Buffer.concat([Buffer.from(`${LOAN_HEADER}\n`), Buffer.alloc(rows * 2, "1\n")]);
}

/** Writes the corpus (and, when asked, the bomb and the many-rows file) into `dir`; returns the paths by name. */
export async function writeHostileCorpus(
  dir: string,
  extras: { bombInflatedBytes?: number; oneCharRows?: number } = {},
): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const files: HostileCorpus = await buildHostileCorpus();
  if (extras.bombInflatedBytes)
    files["shared-strings-bomb.xlsx"] = await buildSharedStringsBomb(extras.bombInflatedBytes);
  if (extras.oneCharRows) files["one-char-rows.csv"] = buildOneCharRows(extras.oneCharRows);
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], bytes);
  }
  return paths;
}
