import { writeFileSync } from "node:fs";
import { IMPORT_KINDS, type ImportKind } from "@creditseg/core/constants";
import { migrateDb } from "@creditseg/db";
import {
  buildReportCsv,
  buildTemplate,
  columnLabeller,
  commitImport,
  DEFAULT_IMPORT_BUDGETS,
  fileSource,
  type ImportPhase,
  type ImportReport,
  type ImportBudgets,
  IngestError,
  listBatches,
  parseAmountFen,
  type Reject,
  renderReason,
  rollbackBatch,
} from "@creditseg/ingest";
import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { CliError } from "../cli-error";
import { withDatabase } from "../open-database";
import { createProgress, type Progress } from "../progress";
import { queueDetachedImport } from "./import-job";

type ImportFlags = {
  kind: string;
  period?: string;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  mapping?: string;
  dryRun?: boolean;
  acceptValid?: boolean;
  mode: string;
  expectedTotal?: string;
  report?: string;
  json?: boolean;
  detach?: boolean;
  as?: string;
} & Partial<Record<BudgetFlag, string>>;

/** CLI flag → import budget; each unset one keeps the package's default (see the README's upload budgets). */
const BUDGET_FLAGS = {
  maxBytes: "maxBytes",
  maxRows: "maxRows",
  maxCells: "maxCellsPerRow",
  maxFieldChars: "maxFieldChars",
  maxXlsxInflatedBytes: "maxXlsxInflatedBytes",
  maxXlsxSharedStringsBytes: "maxXlsxSharedStringsBytes",
  maxXlsxRatio: "maxXlsxEntryRatio",
  maxSeconds: "maxSeconds",
  maxRejectedRows: "maxRejectedRows",
} as const satisfies Record<string, keyof ImportBudgets>;
type BudgetFlag = keyof typeof BUDGET_FLAGS;

function parseBudgets(flags: ImportFlags): Partial<ImportBudgets> {
  const budgets: Partial<ImportBudgets> = {};
  for (const [flag, budget] of Object.entries(BUDGET_FLAGS) as [BudgetFlag, keyof ImportBudgets][]) {
    const text = flags[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 1)
      throw new CliError(
        `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number above 0, not "${text}"`,
      );
    budgets[budget] = value;
  }
  return budgets;
}

/** Rejects printed on the terminal; the full list goes to --report. */
const PRINTED_REJECTS = 20;

function parseKind(kind: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new CliError(`--kind must be one of ${IMPORT_KINDS.join(", ")}, not "${kind}"`);
  return kind as ImportKind;
}

function formatFen(fen: bigint): string {
  const isNegative = fen < 0n;
  const abs = isNegative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${isNegative ? "-" : ""}${yuan}.${(abs % 100n).toString().padStart(2, "0")}`;
}

function printReport(report: ImportReport): void {
  const out = (line = "") => process.stdout.write(`${line}\n`);
  const { totals } = report;
  const format = report.table
    ? [
        report.table.format,
        report.table.encoding,
        report.table.delimiter === "\t" ? "tab" : report.table.delimiter,
        report.table.sheet,
      ]
        .filter(Boolean)
        .join(", ")
    : "unread";
  out(`file      ${report.fileName} (${format})`);
  out(`kind      ${report.kind}  period ${report.period}  checksum ${report.checksum?.slice(0, 16) ?? "-"}`);
  if (report.unknownHeaders.length > 0) out(`ignored   unknown columns: ${report.unknownHeaders.join(", ")}`);
  out(`rows      read ${totals.rowsRead}  accepted ${totals.rowsAccepted}  rejected ${totals.rowsRejected}`);
  out(
    `balances  read ${formatFen(totals.totalReadFen)}  accepted ${formatFen(totals.totalAcceptedFen)}  rejected ${formatFen(totals.totalRejectedFen)} (CNY)`,
  );
  if (totals.expectedTotalFen !== null)
    out(
      `expected  ${formatFen(totals.expectedTotalFen)}: ${totals.isExpectedTotalMatched ? "matches" : "DOES NOT MATCH"}`,
    );
  const zh = { locale: "zh-CN", labelColumn: columnLabeller(report.kind, "zh-CN") } as const;
  const words = (reject: Reject) => `${renderReason(reject, { locale: "en" })} / ${renderReason(reject, zh)}`;
  for (const reject of report.fileRejects)
    out(
      `FILE      ${reject.code}${reject.rowNumber ? ` (row ${reject.rowNumber})` : ""}${reject.column ? ` [${reject.column}]` : ""}: ${words(reject)}`,
    );
  for (const warning of report.warnings.slice(0, PRINTED_REJECTS))
    out(
      `WARN ${String(warning.rowNumber).padStart(6)}  ${warning.column ?? "-"}  ${warning.code}  ${JSON.stringify(warning.value ?? "")}  ${words(warning)}`,
    );
  for (const reject of report.rejects.slice(0, PRINTED_REJECTS)) {
    out(
      `row ${String(reject.rowNumber).padStart(6)}  ${reject.column ?? "-"}  ${reject.code}  ${JSON.stringify(reject.value ?? "")}  ${words(reject)}`,
    );
  }
  if (report.rejects.length > PRINTED_REJECTS || report.isRejectListTruncated)
    out(`… ${totals.rowsRejected} rejected rows in all; write them with --report FILE`);
  if (report.changes)
    out(
      `changes   inserted ${report.changes.inserted}  updated ${report.changes.updated}  deleted ${report.changes.deleted}`,
    );
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2);
}

async function runImport(file: string, flags: ImportFlags): Promise<void> {
  const kind = parseKind(flags.kind);
  if (flags.mode !== "amend" && flags.mode !== "replace")
    throw new CliError(`--mode must be amend or replace, not "${flags.mode}"`);
  let expectedTotalFen: bigint | null = null;
  if (flags.expectedTotal !== undefined) {
    const parsed = parseAmountFen(flags.expectedTotal, "yuan");
    if (!parsed.ok)
      throw new CliError(
        `--expected-total must be an amount in yuan such as 12,345,678.90, not "${flags.expectedTotal}"`,
      );
    expectedTotalFen = parsed.value;
  }
  const budgets = parseBudgets(flags);
  let source;
  try {
    source = fileSource(file);
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  if (flags.detach) {
    if (flags.dryRun || flags.report || flags.json)
      throw new CliError("--detach queues the commit: --dry-run, --report and --json need the import to run here");
    const options = {
      encoding: flags.encoding,
      sheet: flags.sheet,
      delimiter: flags.delimiter,
      mapping: flags.mapping,
    };
    await withDatabase((handle) =>
      queueDetachedImport(handle, {
        file,
        as: flags.as,
        kind,
        period: flags.period,
        maxBytes: budgets.maxBytes ?? DEFAULT_IMPORT_BUDGETS.maxBytes,
        options: {
          ...options,
          isAcceptValid: flags.acceptValid ?? false,
          mode: flags.mode as "amend" | "replace",
          expectedTotalFen: expectedTotalFen === null ? null : String(expectedTotalFen),
          budgets,
        },
      }),
    );
    return;
  }
  const report = await withDatabase(async (handle) => {
    await migrateDb(handle);
    let phase: ImportPhase | null = null;
    let bar: Progress | null = null;
    try {
      return await commitImport({
        handle,
        kind,
        period: flags.period,
        file: source,
        options: {
          encoding: flags.encoding,
          sheet: flags.sheet,
          delimiter: flags.delimiter,
          mapping: flags.mapping,
          isDryRun: flags.dryRun ?? false,
          isAcceptValid: flags.acceptValid ?? false,
          mode: flags.mode as "amend" | "replace",
          expectedTotalFen,
          budgets,
        },
        actor: { id: null },
        onProgress: (progress) => {
          if (progress.phase !== phase) {
            bar?.stop();
            phase = progress.phase;
            bar = createProgress(
              `${phase} (KB)`,
              Math.max(1, Math.round((progress.totalBytes ?? progress.bytesRead) / 1024)),
            );
          }
          bar?.update(Math.round(progress.bytesRead / 1024));
        },
      });
    } catch (error) {
      if (error instanceof IngestError) throw new CliError(error.message, 2);
      throw error;
    } finally {
      (bar as Progress | null)?.stop();
    }
  });
  if (flags.report) writeFileSync(flags.report, buildReportCsv(report));
  reportOutcome(report, { isJson: flags.json ?? false });
}

/**
 * Prints an import's report (or its JSON) and ends as the outcome says: committed, already loaded or a valid dry run
 * return; a rejected file exits 2 with why, nothing written. `import` and `import-wait` end the same way.
 */
export function reportOutcome(report: ImportReport, options: { isJson: boolean }): void {
  if (options.isJson) process.stdout.write(`${toJson(report)}\n`);
  else printReport(report);
  switch (report.status) {
    case "duplicate":
      process.stdout.write(`already loaded: this file was committed as batch ${report.batchId}; nothing changed\n`);
      return;
    case "validated":
      process.stdout.write("dry run: the file is valid; nothing was written\n");
      return;
    case "committed":
      process.stdout.write(`committed batch ${report.batchId}\n`);
      return;
    case "rejected": {
      const why =
        report.fileRejects.length > 0
          ? report.fileRejects.map((reject) => reject.code).join(", ")
          : `${report.totals.rowsRejected} rejected rows (use --accept-valid to load the valid ones)`;
      throw new CliError(`import rejected, nothing written: ${why}`, 2);
    }
  }
}

export function register(program: Command): void {
  program
    .command("import")
    .description(COMMANDS.import.description)
    .argument("<file>", "CSV (UTF-8, GBK / GB18030) or XLSX file")
    .requiredOption("--kind <kind>", `what the file holds: ${IMPORT_KINDS.join(", ")}`)
    .option("--period <period>", "reporting period of loans, deposits, fees and projects, e.g. 2025")
    .option("--encoding <encoding>", "CSV encoding (detected by default), e.g. gbk")
    .option("--sheet <name>", "XLSX sheet (the first by default)")
    .option("--delimiter <char>", "CSV delimiter (detected by default)")
    .option("--mapping <name>", "saved column mapping to apply")
    .option("--dry-run", "validate and report only")
    .option("--accept-valid", "commit the valid rows and set the rejected ones aside")
    .option(
      "--mode <mode>",
      "amend (upsert by key) or replace (also remove the period's rows missing from the file)",
      "amend",
    )
    .option("--expected-total <yuan>", "the source system's balance total, checked against the file")
    .option("--report <file>", "write the validation report as CSV")
    .option("--json", "print the report as JSON")
    .option(
      "--detach",
      "queue the commit for a worker (PostgreSQL), print the job's id and return; follow it with import-wait",
    )
    .option(
      "--as <user>",
      "with --detach: the admin (id or e-mail) the import is recorded for (default: the first active admin)",
    )
    .option("--max-bytes <n>", "refuse a file larger than this (bytes)")
    .option("--max-rows <n>", "refuse a file with more data rows")
    .option("--max-cells <n>", "refuse a row with more cells")
    .option("--max-field-chars <n>", "refuse a cell with more characters")
    .option("--max-xlsx-inflated-bytes <n>", "refuse an XLSX whose parts inflate to more (bytes)")
    .option("--max-xlsx-shared-strings-bytes <n>", "refuse an XLSX whose shared strings inflate to more (bytes)")
    .option("--max-xlsx-ratio <n>", "refuse an XLSX part inflating to more than this × its compressed size")
    .option("--max-seconds <n>", "stop validating after this many seconds")
    .option("--max-rejected-rows <n>", "stop reading after this many rejected rows")
    .action(runImport);

  program
    .command("import-batches")
    .description(COMMANDS["import-batches"].description)
    .option("--kind <kind>", "only this kind")
    .option("--period <period>", "only this period")
    .option("--limit <n>", "at most this many", "50")
    .action(async (flags: { kind?: string; period?: string; limit: string }) => {
      const kind = flags.kind === undefined ? undefined : parseKind(flags.kind);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a whole number above 0, not "${flags.limit}"`);
      await withDatabase(async (handle) => {
        const batches = await listBatches({ handle, kind, period: flags.period, limit });
        for (const batch of batches) {
          process.stdout.write(
            `${batch.id}  ${batch.createdAt.toISOString()}  ${batch.kind.padEnd(9)} ${batch.period.padEnd(8)} ${batch.status.padEnd(11)} rows ${batch.rowsAccepted}/${batch.rowsRead}  ${formatFen(batch.totalAcceptedFen)}  ${batch.fileName}\n`,
          );
        }
        if (batches.length === 0) process.stdout.write("no import batches\n");
      });
    });

  program
    .command("import-rollback")
    .description(COMMANDS["import-rollback"].description)
    .argument("<batch-id>", "batch id from import-batches")
    .action(async (batchId: string) => {
      await withDatabase(async (handle) => {
        try {
          const result = await rollbackBatch({ handle, batchId, actor: { id: null } });
          process.stdout.write(
            `rolled back batch ${result.batchId}: ${result.deleted} rows removed, ${result.restored} rows restored\n`,
          );
        } catch (error) {
          if (error instanceof IngestError) throw new CliError(error.message, 2);
          throw error;
        }
      });
    });

  program
    .command("import-template")
    .description(COMMANDS["import-template"].description)
    .requiredOption("--kind <kind>", `one of ${IMPORT_KINDS.join(", ")}`)
    .option("--format <format>", "csv or xlsx", "xlsx")
    .requiredOption("--out <file>", "where to write it")
    .action(async (flags: { kind: string; format: string; out: string }) => {
      if (flags.format !== "csv" && flags.format !== "xlsx")
        throw new CliError(`--format must be csv or xlsx, not "${flags.format}"`);
      writeFileSync(flags.out, await buildTemplate(parseKind(flags.kind), flags.format));
      process.stdout.write(`wrote ${flags.out}\n`);
    });
}
