/**
 * Import benchmark (not a test): generates N loan rows as CSV (seeded), loads them through
 * commitImport into a throwaway PostgreSQL database (UTF-8 CSV, the same file in GBK, the same rows as XLSX) and
 * into PGlite, and loads the same file with `psql \copy` into a plain table as the baseline, and the same rows as
 * the loans table stores them (fen, codes, the batch that loaded them) with `psql \copy` into the real loans table
 * (primary key, index, checks, foreign keys to the customers and the batch, both already there): the fair limit.
 * The same `\copy` without the batch column (one foreign key fewer checked per row) is measured beside it.
 * Prints rows per second side by side.
 *
 *   npx tsx bench/import-bench.ts [--rows 1000000] [--json] [--targets plain,loans,loans-unbatched,postgres,gbk,xlsx,pglite]
 *
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { createDb, type DbHandle, migrateDb } from "@creditseg/db";
import { withThrowawayPostgres } from "@creditseg/db/throwaway-postgres";
import { commitImport, fileSource } from "../src/index";

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const isJson = args.includes("--json");
const targetsArg = args.indexOf("--targets");
const TARGETS = new Set(
  (targetsArg >= 0 ? args[targetsArg + 1]! : "plain,loans,loans-unbatched,postgres,gbk,xlsx,pglite").split(","),
);
/** Runs a measurement when its target is selected; null otherwise. */
const measureTarget = (target: string, work: () => Promise<number>): Promise<number | null> =>
  TARGETS.has(target) ? work() : Promise.resolve(null);
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CUSTOMERS = Math.max(1, Math.min(20_000, Math.ceil(ROWS / 50)));
const PERIOD = "2025";

const log = (line: string) => {
  if (!isJson) process.stderr.write(`${line}\n`);
};

/** Park–Miller style LCG: the same file for the same --rows. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

function* customerLines(): Generator<string> {
  yield "customer_id,name,industry,region,size,officer\n";
  for (let i = 1; i <= CUSTOMERS; i++)
    yield `C${String(i).padStart(7, "0")},customer ${i},manufacturing,Zhejiang,small,E${1000 + (i % 50)}\n`;
}

/** The batch the `\copy` limit's rows belong to, as an import's rows belong to theirs. */
const LIMIT_BATCH_ID = "00000000-0000-4000-8000-000000000001";

/**
 * One generated loan: the file's cells (yuan, Chinese codes), the same as XLSX cells (amounts, rate, term and days
 * as numbers), and what the loans table stores (fen, codes).
 */
type GeneratedLoan = { file: string; cells: (string | number)[]; stored: string };

function* generatedLoans(): Generator<GeneratedLoan> {
  const random = createRandom(20250101);
  const classes = [
    ["正常", "normal"],
    ["正常", "normal"],
    ["正常", "normal"],
    ["正常", "normal"],
    ["关注", "special_mention"],
    ["次级", "substandard"],
  ] as const;
  const guarantees = [
    ["信用", "credit"],
    ["保证", "guarantee"],
    ["抵押", "collateral"],
    ["质押", "pledge"],
  ] as const;
  for (let i = 1; i <= ROWS; i++) {
    const customer = 1 + Math.floor(random() * CUSTOMERS);
    const amountFen = 10_000_000 + Math.floor(random() * 5_000_000_000);
    const balanceFen = Math.floor(amountFen * (0.3 + random() * 0.7));
    const rate = (3 + random() * 3.5).toFixed(4);
    const term = [6, 12, 24, 36, 60][Math.floor(random() * 5)]!;
    const month = 1 + Math.floor(random() * 12);
    const fen = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, "0")}`;
    const loanId = `L${String(i).padStart(9, "0")}`;
    const customerId = `C${String(customer).padStart(7, "0")}`;
    const mm = String(month).padStart(2, "0");
    const start = `2025-${mm}-01`;
    const maturity = `${2025 + Math.ceil(term / 12)}-${mm}-01`;
    const [guaranteeFile, guaranteeCode] = guarantees[i % 4]!;
    const [classFile, classCode] = classes[i % 6]!;
    const days = 360 - month * 20;
    yield {
      file: `${loanId},${customerId},流动资金贷款,${fen(amountFen)},${rate},${term},${start},${maturity},${guaranteeFile},${classFile},${fen(balanceFen)},${days}\n`,
      cells: [
        loanId,
        customerId,
        "流动资金贷款",
        Number(fen(amountFen)),
        Number(rate),
        term,
        start,
        maturity,
        guaranteeFile,
        classFile,
        Number(fen(balanceFen)),
        days,
      ],
      stored: `${PERIOD},${loanId},${customerId},流动资金贷款,${amountFen},${rate},${term},${start},${maturity},${guaranteeCode},${classCode},${balanceFen},${days}\n`,
    };
  }
}

const LOAN_HEADER =
  "借据号,客户编号,产品,金额,执行利率,期限(月),发放日期,到期日,担保方式,五级分类,考核贷款年日均,累计天数";

function* loanLines(): Generator<string> {
  yield `${LOAN_HEADER}\n`;
  for (const loan of generatedLoans()) yield loan.file;
}

/** The same loans as the loans table stores them (fen, codes, their batch), for `\copy` straight into it. */
function* storedLoanLines(): Generator<string> {
  for (const loan of generatedLoans()) yield `${loan.stored.slice(0, -1)},${LIMIT_BATCH_ID}\n`;
}

/** The same, without the batch column. */
function* storedUnbatchedLoanLines(): Generator<string> {
  for (const loan of generatedLoans()) yield loan.stored;
}

/** The same lines in GBK, as a bank's older systems export them. */
async function writeGbkCopy(gbkFile: string): Promise<void> {
  const out = createWriteStream(gbkFile);
  for (const line of loanLines()) if (!out.write(iconv.encode(line, "gbk"))) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/** The same rows as one XLSX sheet, written streamed. */
async function writeXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet("贷款");
  sheet.addRow(LOAN_HEADER.split(",")).commit();
  for (const loan of generatedLoans()) sheet.addRow(loan.cells).commit();
  sheet.commit();
  await workbook.commit();
}

async function loadCustomers(handle: DbHandle, customersFile: string): Promise<void> {
  const customers = await commitImport({
    handle,
    kind: "customers",
    file: fileSource(customersFile),
    actor: { id: null },
  });
  if (customers.status !== "committed") throw new Error(`customers not loaded: ${customers.status}`);
}

async function timeImport(
  handle: DbHandle,
  customersFile: string,
  loansFile: string,
  expectedEncoding: string | null = "utf-8",
): Promise<number> {
  await migrateDb(handle);
  await loadCustomers(handle, customersFile);
  const started = performance.now();
  // Seconds from the start to the first report of each phase: where the time goes (validating, staging, merging).
  const phaseStarts = new Map<string, number>();
  const report = await commitImport({
    handle,
    kind: "loans",
    period: PERIOD,
    file: fileSource(loansFile),
    actor: { id: null },
    onProgress: (progress) => {
      if (!phaseStarts.has(progress.phase)) phaseStarts.set(progress.phase, (performance.now() - started) / 1000);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  log(
    `  phases (s from start): ${[...phaseStarts].map(([phase, at]) => `${phase} ${at.toFixed(2)}`).join(", ")}, done ${seconds.toFixed(2)}`,
  );
  if (
    report.status !== "committed" ||
    report.totals.rowsAccepted !== ROWS ||
    report.table?.encoding !== expectedEncoding
  )
    throw new Error(
      `loans not loaded: ${report.status} (${report.table?.encoding}) ${JSON.stringify(report.fileRejects.concat(report.rejects.slice(0, 3)))}`,
    );
  return seconds;
}

/** A throwaway database on the benchmark server, dropped afterwards. */
function withBenchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  return withThrowawayPostgres(SERVER_URL, work, "creditseg_import_bench");
}

const dir = mkdtempSync(join(tmpdir(), "creditseg-bench-"));
try {
  const customersFile = join(dir, "customers.csv");
  const loansFile = join(dir, "loans.csv");
  const storedLoansFile = join(dir, "loans-stored.csv");
  const storedUnbatchedFile = join(dir, "loans-stored-unbatched.csv");
  log(`generating ${ROWS} loan rows for ${CUSTOMERS} customers…`);
  await writeLines(customersFile, customerLines());
  await writeLines(loansFile, loanLines());
  await writeLines(storedLoansFile, storedLoanLines());
  await writeLines(storedUnbatchedFile, storedUnbatchedLoanLines());
  const megabytes = statSync(loansFile).size / 1024 / 1024;

  log("psql \\copy baseline…");
  const psqlSeconds = await measureTarget("plain", () =>
    withBenchDatabase((url) => {
      const table =
        "create table plain_loans (loan_id text, customer_id text, product text, amount numeric, rate numeric, term_months int, start_date date, maturity_date date, guarantee text, classification text, avg_daily_balance numeric, days int)";
      execFileSync("psql", [url, "-q", "-c", table]);
      const started = performance.now();
      execFileSync("psql", [url, "-q", "-c", `\\copy plain_loans from '${loansFile}' with (format csv, header true)`]);
      return Promise.resolve((performance.now() - started) / 1000);
    }),
  );

  // The fair limit: what PostgreSQL alone needs to load the rows where they live — the real loans table with its
  // primary key, index, checks, enum columns and both foreign keys (the customer, and the batch every imported row
  // names so that it can be rolled back), after the customers and the batch row exist. Without the batch column one
  // foreign-key check per row fewer runs: measured beside it.
  const COPY_COLUMNS =
    "period, loan_id, customer_id, product, amount_fen, rate_pct, term_months, start_date, maturity_date, guarantee, classification, avg_daily_balance_fen, days";
  const timeLimitCopy = (withBatch: boolean) =>
    withBenchDatabase(async (url) => {
      const handle = await createDb({ url, maxConnections: 2 });
      try {
        await migrateDb(handle);
        await loadCustomers(handle, customersFile);
        await handle.raw(
          `insert into import_batches (id, kind, period, file_name, checksum, status) values ($1, 'loans', $2, 'limit.csv', '-', 'committed')`,
          [LIMIT_BATCH_ID, PERIOD],
        );
      } finally {
        await handle.close();
      }
      const file = withBatch ? storedLoansFile : storedUnbatchedFile;
      const columns = withBatch ? `${COPY_COLUMNS}, import_batch_id` : COPY_COLUMNS;
      const started = performance.now();
      execFileSync("psql", [url, "-q", "-c", `\\copy loans (${columns}) from '${file}' with (format csv)`]);
      return (performance.now() - started) / 1000;
    });
  log("psql \\copy into the loans table…");
  const psqlLoansSeconds = await measureTarget("loans", () => timeLimitCopy(true));
  log("psql \\copy into the loans table, without the batch column…");
  const psqlUnbatchedSeconds = await measureTarget("loans-unbatched", () => timeLimitCopy(false));

  /** commitImport of `file` into a throwaway PostgreSQL database. */
  const timePostgresImport = (file: string, expectedEncoding: string | null) =>
    withBenchDatabase(async (url) => {
      const handle = await createDb({ url, maxConnections: 2 });
      try {
        return await timeImport(handle, customersFile, file, expectedEncoding);
      } finally {
        await handle.close();
      }
    });
  log("commitImport into PostgreSQL…");
  const postgresSeconds = await measureTarget("postgres", () => timePostgresImport(loansFile, "utf-8"));
  log("commitImport of the same file in GBK into PostgreSQL…");
  const gbkSeconds = await measureTarget("gbk", async () => {
    const gbkFile = join(dir, "loans-gbk.csv");
    await writeGbkCopy(gbkFile);
    // Detected, not told: GB18030 is the superset of GBK the sniffer reads such files as.
    return timePostgresImport(gbkFile, "gb18030");
  });
  log("commitImport of the same rows as XLSX into PostgreSQL…");
  const xlsxSeconds = await measureTarget("xlsx", async () => {
    const xlsxFile = join(dir, "loans.xlsx");
    await writeXlsx(xlsxFile);
    return timePostgresImport(xlsxFile, null);
  });

  log("commitImport into PGlite…");
  const pgliteSeconds = await measureTarget("pglite", async () => {
    const pgliteHandle = await createDb({ pgliteDir: join(dir, "pglite") });
    try {
      return await timeImport(pgliteHandle, customersFile, loansFile);
    } finally {
      await pgliteHandle.close();
    }
  });

  const results = [
    { target: "psql \\copy (plain table, no validation)", seconds: psqlSeconds },
    { target: "psql \\copy → loans table (keys, indexes, checks)", seconds: psqlLoansSeconds },
    { target: "psql \\copy → loans table without the batch column", seconds: psqlUnbatchedSeconds },
    { target: "creditseg import → PostgreSQL", seconds: postgresSeconds },
    { target: "creditseg import → PostgreSQL, GBK", seconds: gbkSeconds },
    { target: "creditseg import → PostgreSQL, XLSX", seconds: xlsxSeconds },
    { target: "creditseg import → PGlite", seconds: pgliteSeconds },
  ]
    .filter((result): result is { target: string; seconds: number } => result.seconds !== null)
    .map((result) => ({ ...result, rowsPerSecond: Math.round(ROWS / result.seconds) }));
  if (isJson) {
    process.stdout.write(
      `${JSON.stringify({ rows: ROWS, fileMegabytes: Number(megabytes.toFixed(1)), results }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${ROWS} loan rows, ${megabytes.toFixed(1)} MB CSV (Chinese headers, UTF-8)\n`);
    for (const result of results)
      process.stdout.write(
        `${result.target.padEnd(50)} ${result.seconds.toFixed(1).padStart(7)} s  ${String(result.rowsPerSecond).padStart(9)} rows/s\n`,
      );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
