import { isPeriodCode } from "@creditseg/core/calendar";
import type { ImportKind } from "@creditseg/core/constants";
import type { DbHandle } from "@creditseg/db";
import type { HeaderMapping } from "../headers/match-headers";
import { IngestError } from "../ingest-error";
import { resolveMapping } from "../mappings/column-mappings";
import type { ReadOptions } from "../read/open-table";
import { TableReadError } from "../read/table-row";
import { makeReject, type Reject } from "../reasons";
import { emptyTotals, type ImportReport, MAX_REPORTED_REJECTS } from "../report/import-report";
import { PROGRESS_EVERY_ROWS, type ProgressListener } from "../progress";
import { KIND_SPECS } from "../specs";
import type { ImportSource } from "../source";
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
};

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
  /** Receives each accepted row in file order as COPY values (period first for periodic kinds). */
  onAcceptedRow?: (values: unknown[]) => Promise<void>;
};

/** A validation's report and the header mapping it applied (saved or inline). */
export type Validation = { report: ImportReport; mapping: HeaderMapping };

const DB_CHECK_CHUNK = 5_000;

/** The period a batch is stored under; periodic kinds need one ("2025", "2025Q2", "2025-06"). */
export function resolvePeriod(kind: ImportKind, period: string | undefined): string {
  if (!KIND_SPECS[kind].isPeriodic) return NO_PERIOD;
  // Core's parsePeriod is the one definition of period syntax (imports, runs, CLI and web agree).
  if (!period || !isPeriodCode(period))
    throw new IngestError(
      "invalid_option",
      `${kind} need a period such as 2025, 2025Q2 or 2025-06 (got ${period ?? "none"})`,
    );
  return period;
}

/**
 * Validates a file without writing anything: format, headers, every cell, the row schemas, keys
 * duplicated in the file, customers unknown to the database, keys owned by another customer, and the
 * control totals. Streams the file: memory holds one chunk of rows plus the keys seen so far.
 */
export async function validateImport(args: ValidateImportArgs): Promise<Validation> {
  const options = args.options ?? {};
  const spec = KIND_SPECS[args.kind];
  const period = resolvePeriod(args.kind, args.period);
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
    totals,
    isDryRun: options.isDryRun ?? false,
    batchId: null,
    changes: null,
  };
  const rejectedRows = new Set<number>();
  const preparation = await prepareFile({ kind: args.kind, source: args.file, readOptions: options, mapping });
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

  const addRejects = (rowNumber: number, rejects: readonly Reject[]) => {
    rejectedRows.add(rowNumber);
    for (const reject of rejects) {
      if (report.rejects.length < MAX_REPORTED_REJECTS) report.rejects.push(reject);
      else report.isRejectListTruncated = true;
    }
  };
  const toCopyValues = (row: Record<string, unknown>) => [
    ...(spec.isPeriodic ? [period] : []),
    ...spec.dbFields.map((field) => row[field]),
  ];
  const keyFields = spec.keyFields.filter((field) => field !== "period");
  const firstRowByKey = new Map<string, number>();
  const totalByRow = new Map<number, bigint>();
  let pending: PendingRow[] = [];
  const flushPending = async () => {
    const dbRejects = await checkRowsAgainstDatabase({ raw: args.handle.raw, spec, period, rows: pending });
    const rejectedNow = new Set<number>();
    for (const reject of dbRejects) {
      addRejects(reject.rowNumber!, [reject]);
      rejectedNow.add(reject.rowNumber!);
    }
    for (const { rowNumber, row } of pending) {
      if (rejectedNow.has(rowNumber)) continue;
      totals.rowsAccepted++;
      totals.totalAcceptedFen += totalByRow.get(rowNumber) ?? 0n;
      if (args.onAcceptedRow) await args.onAcceptedRow(toCopyValues(row));
    }
    totalByRow.clear();
    pending = [];
  };

  try {
    for await (const tableRow of file.dataRows) {
      totals.rowsRead++;
      const { row, rejects, totalFen } = file.parseRow(tableRow.rowNumber, tableRow.cells);
      if (totalFen !== null) totals.totalReadFen += totalFen;
      if (row === null) {
        addRejects(tableRow.rowNumber, rejects);
      } else {
        const key = keyFields.map((field) => keyPart(row[field])).join("\u001f");
        const firstRow = firstRowByKey.get(key);
        if (firstRow !== undefined) {
          const keyColumn = spec.columns.find((column) => column.field === keyFields[0])?.name ?? null;
          addRejects(tableRow.rowNumber, [
            makeReject({
              code: "duplicate_key_in_file",
              rowNumber: tableRow.rowNumber,
              column: keyColumn,
              value: key.replaceAll("\u001f", " / "),
              detailZh: `与第 ${firstRow} 行重复`,
              detailEn: `same as row ${firstRow}`,
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
    await flushPending();
    report.checksum = file.table.checksum();
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    report.fileRejects.push(readErrorToReject(error));
  }
  totals.rowsRejected = rejectedRows.size;
  totals.totalRejectedFen = totals.totalReadFen - totals.totalAcceptedFen;
  if (totals.rowsRead === 0 && report.fileRejects.length === 0)
    report.fileRejects.push(makeReject({ code: "no_data_rows" }));
  if (totals.expectedTotalFen !== null) {
    totals.isExpectedTotalMatched = totals.expectedTotalFen === totals.totalReadFen;
    if (!totals.isExpectedTotalMatched) {
      const detail = `${totals.totalReadFen} ≠ ${totals.expectedTotalFen} (fen)`;
      report.fileRejects.push(
        makeReject({
          code: "control_total_mismatch",
          value: String(totals.totalReadFen),
          detailZh: detail,
          detailEn: detail,
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
