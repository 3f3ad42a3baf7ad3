import { type Period, parsePeriod } from "@creditseg/core/calendar";
import type { ImportKind } from "@creditseg/core/constants";
import { budgetReject, checkRowShape, type ImportBudgets, resolveBudgets } from "../budgets";
import type { DbHandle } from "@creditseg/db";
import type { HeaderMapping } from "../headers/match-headers";
import { IngestError } from "../ingest-error";
import { resolveMapping } from "../mappings/column-mappings";
import type { ReadOptions, TableInfo } from "../read/open-table";
import { TableReadError } from "../read/table-row";
import { makeReject, type Reject } from "../reasons";
import { type ColumnUse, emptyTotals, type ImportReport } from "../report/import-report";
import { PROGRESS_EVERY_ROWS, type ProgressListener } from "../progress";
import { KIND_SPECS } from "../specs";
import type { ImportSource } from "../source";
import { isFenInRange } from "../values/db-bounds";
import { checkRowsAgainstDatabase, type PendingRow } from "./check-database";
import { prepareFile, readErrorToReject } from "./prepare-file";

export type ImportOptions = ReadOptions & {
  /** A saved mapping's name, or an inline mapping (source header → canonical column). */
  mapping?: HeaderMapping | string;
  /** The source system's own balance total (fen), checked against the file's. */
  expectedTotalFen?: bigint | null;
  /** Commit the valid rows and set the rejected ones aside; by default any reject blocks the file. */
  isAcceptValid?: boolean;
  /** "amend": upsert by natural key; "replace": also remove this period's rows missing from the file. */
  mode?: "amend" | "replace";
  /** Validate only; write nothing. */
  isDryRun?: boolean;
  /** Limits on what the file may cost; each unset one keeps its default (DEFAULT_IMPORT_BUDGETS). */
  budgets?: Partial<ImportBudgets>;
};

/** What a file turned out to be once its header is bound: the parts of the key of "these rows already landed". */
export type OpenedImport = { table: TableInfo; columns: ColumnUse[] };

/** The period stored for master data and curves, which are not loaded per period. */
export const NO_PERIOD = "-";

export type ValidateImportArgs = {
  handle: DbHandle;
  kind: ImportKind;
  /** Reporting period of periodic kinds ("2025", "2025Q2", "2025-06"); ignored for customers and ftp. */
  period?: string;
  file: ImportSource;
  options?: ImportOptions;
  onProgress?: ProgressListener;
  /**
   * Receives each accepted row in file order as COPY values (period first for periodic kinds), an array of its own;
   * returns a promise only when the next row must wait for it.
   */
  onAcceptedRow?: (values: unknown[]) => Promise<void> | undefined;
  /** Called once the header is bound, before any data row: answering "stop" ends the validation there. */
  onOpened?: (opened: OpenedImport) => Promise<"stop" | "continue">;
  /**
   * True once the caller knows the period holds no committed rows and none can land before its own (it holds the
   * period's lock and found it empty): the check that a key belongs to no other customer is then skipped.
   */
  isPeriodEmpty?: () => boolean;
  /** Milliseconds now, for the time budget; Date.now by default (tests pass their own clock). */
  now?: () => number;
};

/** A validation's report and the header mapping it applied (saved or inline). */
export type Validation = { report: ImportReport; mapping: HeaderMapping };

const DB_CHECK_CHUNK = 5_000;
/** Customer ids remembered as found, at most (tens of bytes each); past it each chunk asks for its own again. */
const MAX_KNOWN_CUSTOMERS = 1_000_000;

/** The period a batch is stored under; periodic kinds need one ("2025", "2025Q2", "2025-06"). */
export function resolvePeriod(kind: ImportKind, period: string | undefined): string {
  return resolvePeriodRange(kind, period)?.code ?? NO_PERIOD;
}

/** The period of a periodic kind with its date range (rows are checked against it); null for master data and curves. */
export function resolvePeriodRange(kind: ImportKind, period: string | undefined): Period | null {
  if (!KIND_SPECS[kind].isPeriodic) return null;
  // Core's parsePeriod is the one definition of period syntax (imports, runs, CLI and web agree).
  const parsed = period === undefined ? null : parsePeriod(period);
  if (!parsed)
    throw new IngestError(
      "invalid_option",
      `${kind} need a period such as 2025, 2025Q2 or 2025-06 (got ${period === undefined ? "none" : JSON.stringify(period.slice(0, 40))})`,
    );
  return parsed;
}

/**
 * Validates a file without writing anything: format, headers, every cell, the row schemas, keys
 * duplicated in the file, customers unknown to the database, keys owned by another customer, and the
 * control totals. Streams the file: memory holds one chunk of rows plus the keys seen so far.
 */
export async function validateImport(args: ValidateImportArgs): Promise<Validation> {
  const options = args.options ?? {};
  const spec = KIND_SPECS[args.kind];
  const periodRange = resolvePeriodRange(args.kind, args.period);
  const period = periodRange?.code ?? NO_PERIOD;
  const budgets = resolveBudgets(options.budgets);
  const now = args.now ?? Date.now;
  const deadline = now() + budgets.maxSeconds * 1000;
  if (options.mode === "replace" && args.kind === "customers")
    throw new IngestError("invalid_option", "customers can only be amended: loans and deposits refer to them");
  const mapping = await resolveMapping({ handle: args.handle, kind: args.kind, mapping: options.mapping });
  const totals = emptyTotals(options.expectedTotalFen ?? null);
  const report: ImportReport = {
    status: "validated",
    kind: args.kind,
    period,
    fileName: args.file.name,
    checksum: null,
    table: null,
    columns: [],
    unknownHeaders: [],
    fileRejects: [],
    rejects: [],
    isRejectListTruncated: false,
    warnings: [],
    totals,
    isDryRun: options.isDryRun ?? false,
    batchId: null,
    changes: null,
  };
  let rowsRejected = 0;
  const preparation = await prepareFile({
    kind: args.kind,
    source: args.file,
    readOptions: options,
    mapping,
    budgets,
    period: periodRange,
  });
  report.table = preparation.ok ? preparation.file.table.info : (preparation.table?.info ?? null);
  const match = preparation.ok ? preparation.file.match : preparation.match;
  if (match) {
    report.columns = match.bindings.map((binding) => ({
      header: binding.header,
      column: binding.spec.name,
      unit: binding.unit,
    }));
    report.unknownHeaders = match.unknownHeaders;
  }
  if (!preparation.ok) {
    report.status = "rejected";
    report.fileRejects = preparation.rejects;
    return { report, mapping };
  }
  const { file } = preparation;
  if ((await args.onOpened?.({ table: file.table.info, columns: report.columns })) === "stop") {
    await file.dataRows.return(undefined);
    return { report, mapping };
  }

  /** Keeps at most maxRejectsKept in detail; a row is counted once however many reasons it has. */
  const addRejects = (rejects: readonly Reject[]) => {
    rowsRejected++;
    for (const reject of rejects) {
      if (report.rejects.length < budgets.maxRejectsKept) report.rejects.push(reject);
      else report.isRejectListTruncated = true;
    }
  };
  const addWarnings = (warnings: readonly Reject[]) => {
    for (const warning of warnings) if (report.warnings.length < budgets.maxRejectsKept) report.warnings.push(warning);
  };
  const { dbFields } = spec;
  /** A fresh array per row, which the receiver may extend (the commit appends the batch id). */
  const toCopyValues = (row: Record<string, unknown>) => {
    const values: unknown[] = spec.isPeriodic ? [period] : [];
    for (const field of dbFields) values.push(row[field]);
    return values;
  };
  const keyFields = spec.keyFields.filter((field) => field !== "period");
  const firstRowByKey = new Map<string, number>();
  let totalByRow = new Map<number, bigint>();
  let pending: PendingRow[] = [];
  const knownCustomers = new Set<string>();
  /**
   * The previous chunk's database check, still running while the next chunk is parsed: its query's round trip and the
   * parsing overlap. Chunks settle in file order, so accepted rows still reach onAcceptedRow in file order.
   */
  let checking: Promise<void> = Promise.resolve();
  const settleChunk = async (rows: PendingRow[], totalsOfRows: Map<number, bigint>, dbRejects: Promise<Reject[]>) => {
    const rejectsByRow = new Map<number, Reject[]>();
    for (const reject of await dbRejects)
      rejectsByRow.set(reject.rowNumber!, [...(rejectsByRow.get(reject.rowNumber!) ?? []), reject]);
    for (const rejects of rejectsByRow.values()) addRejects(rejects);
    for (const { rowNumber, row } of rows) {
      if (rejectsByRow.has(rowNumber)) continue;
      totals.rowsAccepted++;
      totals.totalAcceptedFen += totalsOfRows.get(rowNumber) ?? 0n;
      // Awaited only when the receiver must wait (its queue full): a promise per row would cost more than the row.
      const receiving = args.onAcceptedRow?.(toCopyValues(row));
      if (receiving) await receiving;
    }
  };
  /** Starts the check of the rows pending and waits for the chunk before it; at most two chunks are in flight. */
  const flushPending = async () => {
    const rows = pending;
    const totalsOfRows = totalByRow;
    pending = [];
    totalByRow = new Map();
    const previous = checking;
    const dbRejects = checkRowsAgainstDatabase({
      raw: args.handle.raw,
      spec,
      period,
      rows,
      isPeriodEmpty: args.isPeriodEmpty?.() ?? false,
      knownCustomers: knownCustomers.size < MAX_KNOWN_CUSTOMERS ? knownCustomers : undefined,
    });
    // Observed when the chunk settles; until then a failure must not count as unhandled.
    dbRejects.catch(() => undefined);
    checking = previous.then(() => settleChunk(rows, totalsOfRows, dbRejects));
    checking.catch(() => undefined);
    await previous;
  };
  /** A budget or bound that ends the reading: the file is refused with this file-level reason. */
  const stopWith = (reject: Reject) => {
    report.fileRejects.push(reject);
  };

  try {
    reading: for await (const batch of file.dataRows) {
      for (const tableRow of batch) {
        if (totals.rowsRead >= budgets.maxRows) {
          stopWith(budgetReject("too_many_rows", budgets.maxRows, tableRow.rowNumber));
          break reading;
        }
        if (rowsRejected >= budgets.maxRejectedRows) {
          stopWith(budgetReject("too_many_rejects", budgets.maxRejectedRows, tableRow.rowNumber));
          break reading;
        }
        if (totals.rowsRead % 256 === 0 && now() > deadline) {
          stopWith(budgetReject("time_budget_exceeded", budgets.maxSeconds, tableRow.rowNumber));
          break reading;
        }
        const shapeReject = checkRowShape(tableRow.rowNumber, tableRow.cells, budgets);
        if (shapeReject) {
          stopWith(shapeReject);
          break reading;
        }
        totals.rowsRead++;
        const { row, rejects, warnings, totalFen } = file.parseRow(tableRow.rowNumber, tableRow.cells);
        if (totalFen !== null) {
          totals.totalReadFen += totalFen;
          // Each amount fits a bigint; their sum may not, and the batch row stores it in one.
          if (!isFenInRange(totals.totalReadFen)) {
            stopWith(
              makeReject({
                code: "control_total_overflow",
                rowNumber: tableRow.rowNumber,
                params: { row: tableRow.rowNumber },
              }),
            );
            break reading;
          }
        }
        if (row === null) {
          addRejects(rejects);
        } else {
          addWarnings(warnings);
          const key =
            keyFields.length === 1
              ? keyPart(row[keyFields[0]!])
              : keyFields.map((field) => keyPart(row[field])).join("\u001f");
          const firstRow = firstRowByKey.get(key);
          if (firstRow !== undefined) {
            const keyColumn = spec.columns.find((column) => column.field === keyFields[0])?.name ?? null;
            addRejects([
              makeReject({
                code: "duplicate_key_in_file",
                rowNumber: tableRow.rowNumber,
                column: keyColumn,
                value: key.replaceAll("\u001f", " / "),
                params: { firstRow },
              }),
            ]);
          } else {
            firstRowByKey.set(key, tableRow.rowNumber);
            pending.push({ rowNumber: tableRow.rowNumber, row });
            if (totalFen !== null) totalByRow.set(tableRow.rowNumber, totalFen);
            if (pending.length >= DB_CHECK_CHUNK) await flushPending();
          }
        }
        if (totals.rowsRead % PROGRESS_EVERY_ROWS === 0) {
          await args.onProgress?.({
            phase: "validating",
            rowsProcessed: totals.rowsRead,
            bytesRead: file.table.bytesRead(),
            totalBytes: args.file.size ?? null,
          });
        }
      }
    }
    if (report.fileRejects.length === 0) {
      await flushPending();
      report.checksum = file.table.checksum();
    }
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    report.fileRejects.push(readErrorToReject(error));
  }
  // The last chunks settle here, and so does one still being checked when the reading stopped: before the report is
  // final, and before returning, so no accepted row reaches onAcceptedRow afterwards.
  await checking;
  // Chunks' database rejects land after the next chunk's cell rejects: the report lists them in file order.
  report.rejects.sort((a, b) => (a.rowNumber ?? 0) - (b.rowNumber ?? 0));
  totals.rowsRejected = rowsRejected;
  totals.totalRejectedFen = totals.totalReadFen - totals.totalAcceptedFen;
  if (totals.rowsRead === 0 && report.fileRejects.length === 0)
    report.fileRejects.push(makeReject({ code: "no_data_rows" }));
  if (totals.expectedTotalFen !== null) {
    totals.isExpectedTotalMatched = totals.expectedTotalFen === totals.totalReadFen;
    if (!totals.isExpectedTotalMatched) {
      report.fileRejects.push(
        makeReject({
          code: "control_total_mismatch",
          value: String(totals.totalReadFen),
          params: { totalFen: String(totals.totalReadFen), expectedFen: String(totals.expectedTotalFen) },
        }),
      );
    }
  }
  await args.onProgress?.({
    phase: "validating",
    rowsProcessed: totals.rowsRead,
    bytesRead: file.table.bytesRead(),
    totalBytes: args.file.size ?? null,
  });
  const isBlocked =
    report.fileRejects.length > 0 || (totals.rowsRejected > 0 && !options.isAcceptValid) || totals.rowsAccepted === 0;
  if (isBlocked) {
    report.status = "rejected";
    if (report.fileRejects.length === 0 && totals.rowsAccepted === 0 && totals.rowsRead > 0)
      report.fileRejects.push(makeReject({ code: "no_valid_rows" }));
  }
  return { report, mapping };
}

/** A key field's value as text, for duplicate detection (ids and periods are text; a date as its ISO form). */
function keyPart(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  return JSON.stringify(value) ?? "";
}
