import { randomUUID } from "node:crypto";
import { type BulkSession, withBulkTransaction } from "@creditseg/db";
import { IngestError } from "../ingest-error";
import { hashSource } from "../read/open-table";
import type { ImportPhase } from "../progress";
import { emptyTotals, type ImportReport } from "../report/import-report";
import { KIND_SPECS } from "../specs";
import {
  type OpenedImport,
  resolvePeriod,
  type ValidateImportArgs,
  type Validation,
  validateImport,
} from "../validate/validate-import";
import type { Actor } from "./actor";
import {
  createStageSql,
  isPeriodEmptySql,
  recordUpdatesSql,
  replaceDeletesSql,
  spoolColumns,
  STAGE_TABLE,
  upsertSql,
} from "./merge-sql";
import { computeLoadKey } from "./load-key";
import { createRowChannel } from "./row-channel";
import { createRowSpool } from "./row-spool";
import { auditBatch } from "../audit-actions";

export type CommitImportArgs = ValidateImportArgs & { actor: Actor };

type BatchRow = {
  id: string;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  total_read_fen: string;
  total_accepted_fen: string;
  total_rejected_fen: string;
};

const FIND_COMMITTED = `select id, rows_read, rows_accepted, rows_rejected, total_read_fen::text, total_accepted_fen::text, total_rejected_fen::text
  from import_batches where kind = $1 and period = $2 and load_key = $3 and status = 'committed'`;

function duplicateReport(args: CommitImportArgs, period: string, checksum: string, batch: BatchRow): ImportReport {
  const totals = emptyTotals(args.options?.expectedTotalFen ?? null);
  totals.rowsRead = batch.rows_read;
  totals.rowsAccepted = batch.rows_accepted;
  totals.rowsRejected = batch.rows_rejected;
  totals.totalReadFen = BigInt(batch.total_read_fen);
  totals.totalAcceptedFen = BigInt(batch.total_accepted_fen);
  totals.totalRejectedFen = BigInt(batch.total_rejected_fen);
  return {
    status: "duplicate",
    kind: args.kind,
    period,
    fileName: args.file.name,
    checksum,
    table: null,
    columns: [],
    unknownHeaders: [],
    fileRejects: [],
    rejects: [],
    isRejectListTruncated: false,
    warnings: [],
    totals,
    isDryRun: args.options?.isDryRun ?? false,
    batchId: batch.id,
    changes: null,
  };
}

function isCommittedChecksumConflict(error: unknown): boolean {
  const candidate = error as { code?: string; constraint_name?: string; constraint?: string; message?: string };
  return (
    candidate.code === "23505" &&
    `${candidate.constraint_name ?? candidate.constraint ?? candidate.message}`.includes(
      "import_batches_committed_load_key_uq",
    )
  );
}

/**
 * Validates a file and loads it in ONE transaction: a batch row, COPY of the accepted rows (straight into the table
 * when the period is empty, else into a staging table), a set-based merge by natural key (amend, or replace the
 * period), before-images of changed rows in import_row_history, the rejects set aside, and an audit row. Nothing is
 * written when the file is rejected, on a dry run, or when the same rows would land again (same file, kind, period,
 * sheet, encoding, header binding and mode: status "duplicate", no double count; see computeLoadKey). A failure or a
 * killed process leaves the database as before.
 *
 * On PostgreSQL the COPY runs beside the validation, fed as rows are accepted: the database loads while the rest of
 * the file is still being checked, and a file that turns out rejected rolls the transaction back. PGlite has one
 * connection, which the validation's own queries need: there the accepted rows wait in a spool on disk and are
 * copied once the whole file is validated, in a short transaction.
 */
export async function commitImport(args: CommitImportArgs): Promise<ImportReport> {
  const load: Load = {
    args,
    period: resolvePeriod(args.kind, args.period),
    mode: args.options?.mode ?? "amend",
    checksum: await hashSource(args.file),
    // Chosen before the rows are read so that each accepted row carries it: COPY then writes rows ready for the table.
    batchId: randomUUID(),
    loadKey: null,
  };
  try {
    return args.handle.kind === "postgres" && !args.options?.isDryRun
      ? await commitStreamed(load)
      : await commitSpooled(load);
  } catch (error) {
    if (!isCommittedChecksumConflict(error) || load.loadKey === null) throw error;
    const [winner] = await args.handle.raw<BatchRow>(FIND_COMMITTED, [args.kind, load.period, load.loadKey]);
    if (!winner) throw error;
    return duplicateReport(args, load.period, load.checksum, winner);
  }
}

/** One import's fixed facts; loadKey is known once the header is bound. */
type Load = {
  args: CommitImportArgs;
  period: string;
  mode: "amend" | "replace";
  checksum: string;
  batchId: string;
  loadKey: string | null;
};

/** Thrown inside the transaction to roll it back when the file turns out rejected or already loaded. */
class Unwritten extends Error {
  constructor(readonly report: ImportReport) {
    super("nothing written");
  }
}

/** Validate, then a short transaction that copies the spooled rows (PGlite, and dry runs everywhere). */
async function commitSpooled(load: Load): Promise<ImportReport> {
  const { args } = load;
  const spool = args.options?.isDryRun ? null : createRowSpool();
  let existing: BatchRow | undefined;
  try {
    const validation = await validateImport({
      ...args,
      onAcceptedRow: spool ? (values) => spool.write(withBatchId(values, load.batchId)) : undefined,
      // Known once the header is bound (the sheet read, the encoding, the binding): checked before any row is read.
      onOpened: async (opened) => {
        [existing] = await args.handle.raw<BatchRow>(FIND_COMMITTED, [
          args.kind,
          load.period,
          bindLoadKey(load, opened),
        ]);
        return existing ? "stop" : "continue";
      },
    });
    if (existing) return duplicateReport(args, load.period, load.checksum, existing);
    const { report } = validation;
    if (report.status === "rejected" || report.isDryRun || !spool) return report;
    assertUnchanged(load, validation);
    await spool.finish();
    return await inTransaction(load, async (session) => {
      const raced = await lockAndFindCommitted(session, load);
      if (raced) throw new Unwritten(duplicateReport(args, load.period, load.checksum, raced));
      const table = await openBatch(session, load);
      const copied = await session.copyCsv({
        ...copyArgs(load, table),
        blocks: spool.blocks(),
        onProgress: (rowsCopied) => reportPhase(load, "staging", rowsCopied),
      });
      return finishBatch(session, load, report, { table, copied });
    });
  } finally {
    spool?.dispose();
  }
}

/** One transaction in which the accepted rows are copied while the file is still being validated (PostgreSQL). */
async function commitStreamed(load: Load): Promise<ImportReport> {
  const { args } = load;
  const channel = createRowChannel();
  try {
    return await inTransaction(load, async (session) => {
      // Set once the header is bound and the batch row written; settled before the transaction ends, whatever happens.
      const copy: { running: Promise<number> | null; target: string } = { running: null, target: "" };
      const stopCopy = async (reason: unknown) => {
        channel.fail(reason);
        await copy.running?.catch(() => undefined);
      };
      let existing: BatchRow | undefined;
      const validation = await validateImport({
        ...args,
        onAcceptedRow: (values) => channel.write(withBatchId(values, load.batchId)),
        isPeriodEmpty: () => copy.target === KIND_SPECS[args.kind].table,
        onOpened: async (opened) => {
          bindLoadKey(load, opened);
          existing = await lockAndFindCommitted(session, load);
          if (existing) return "stop";
          copy.target = await openBatch(session, load);
          copy.running = session.copyCsv({ ...copyArgs(load, copy.target), blocks: channel.blocks() });
          // A COPY the database refuses ends the validation at its next row rather than leaving it writing into a void.
          copy.running.catch(channel.fail);
          return "continue";
        },
      }).catch(async (error: unknown) => {
        await stopCopy(error);
        throw error;
      });
      if (existing) throw new Unwritten(duplicateReport(args, load.period, load.checksum, existing));
      const { report } = validation;
      if (report.status === "rejected" || copy.running === null) {
        await stopCopy(new Unwritten(report));
        throw new Unwritten(report);
      }
      assertUnchanged(load, validation);
      await channel.finish();
      const copied = await copy.running;
      await reportPhase(load, "staging", copied);
      return finishBatch(session, load, report, { table: copy.target, copied });
    });
  } finally {
    channel.dispose();
  }
}

/** A row's COPY values with the batch id last, as spoolColumns lists them (the array is the row's own). */
function withBatchId(values: unknown[], batchId: string): unknown[] {
  values.push(batchId);
  return values;
}

/** The key of this load, once its header is bound (see computeLoadKey). */
function bindLoadKey(load: Load, opened: OpenedImport): string {
  load.loadKey = computeLoadKey({
    checksum: load.checksum,
    kind: load.args.kind,
    period: load.period,
    opened,
    mode: load.mode,
  });
  return load.loadKey;
}

function assertUnchanged(load: Load, validation: Validation): void {
  if (validation.report.checksum !== load.checksum || load.loadKey === null)
    throw new IngestError("file_changed", "the file changed while it was being validated");
}

/** Runs the commit's transaction; a file found rejected or already loaded inside it rolls back with its report. */
async function inTransaction(load: Load, work: (session: BulkSession) => Promise<ImportReport>): Promise<ImportReport> {
  try {
    const report = await withBulkTransaction(load.args.handle, work);
    await reportPhase(load, "committed", report.totals.rowsAccepted);
    return report;
  } catch (error) {
    if (error instanceof Unwritten) return error.report;
    throw error;
  }
}

/** Serialises batches of one kind and period, then looks for the same rows already committed. */
async function lockAndFindCommitted(session: BulkSession, load: Load): Promise<BatchRow | undefined> {
  const { kind } = load.args;
  await session.raw("select pg_advisory_xact_lock(hashtext($1))", [`creditseg.import:${kind}:${load.period}`]);
  const [found] = await session.raw<BatchRow>(FIND_COMMITTED, [kind, load.period, load.loadKey]);
  return found;
}

/**
 * Writes the batch row (its totals once the file is read) and returns the table the rows are copied into. Under the
 * advisory lock no other batch of this kind and period can land, so an empty period stays empty until this COPY:
 * every row is an insert, checked by the table's own keys and constraints as the merge's are, and goes straight in.
 */
async function openBatch(session: BulkSession, load: Load): Promise<string> {
  const { args } = load;
  const spec = KIND_SPECS[args.kind];
  await session.raw(
    `insert into import_batches (kind, period, file_name, checksum, uploaded_by, status, is_accept_valid, write_mode,
       expected_total_fen, committed_at, load_key, id)
     values ($1, $2, $3, $4, $5, 'committed', $6, $7, $8::bigint, now(), $9, $10::uuid)`,
    [
      args.kind,
      load.period,
      args.file.name,
      load.checksum,
      args.actor.id,
      args.options?.isAcceptValid ?? false,
      load.mode,
      args.options?.expectedTotalFen?.toString() ?? null,
      load.loadKey,
      load.batchId,
    ],
  );
  const [periodState] = spec.isPeriodic
    ? await session.raw<{ is_empty: boolean }>(isPeriodEmptySql(spec), [load.period])
    : [];
  if (periodState?.is_empty) return spec.table;
  await session.raw(createStageSql(spec));
  return STAGE_TABLE;
}

function copyArgs(load: Load, table: string): { table: string; columns: string[] } {
  return { table, columns: spoolColumns(KIND_SPECS[load.args.kind]) };
}

/** Tells the caller where the commit is; the bytes are the whole file's once it has been read. */
function reportPhase(load: Load, phase: ImportPhase, rowsProcessed: number): void | Promise<void> {
  const { file } = load.args;
  return load.args.onProgress?.({ phase, rowsProcessed, bytesRead: file.size ?? 0, totalBytes: file.size ?? null });
}

/** After the COPY: the merge (unless the rows went straight in), the batch's totals and changes, rejects, audit. */
async function finishBatch(
  session: BulkSession,
  load: Load,
  report: ImportReport,
  /** Where the rows were copied and how many. */
  target: { table: string; copied: number },
): Promise<ImportReport> {
  const { args, batchId, mode } = load;
  const { kind } = args;
  const spec = KIND_SPECS[kind];
  const totals = report.totals;
  await reportPhase(load, "merging", totals.rowsAccepted);
  let changes: { inserted: number; updated: number; deleted: number };
  if (target.table === spec.table) {
    changes = { inserted: target.copied, updated: 0, deleted: 0 };
  } else {
    await session.raw(`analyze ${STAGE_TABLE}`);
    const [updated] = await session.raw<{ n: number }>(recordUpdatesSql(spec), [batchId]);
    let deleted = 0;
    if (mode === "replace") {
      const [gone] = await session.raw<{ n: number }>(
        replaceDeletesSql(spec),
        spec.isPeriodic ? [batchId, load.period] : [batchId],
      );
      deleted = gone?.n ?? 0;
    }
    const [written] = await session.raw<{ inserted: number; updated: number }>(upsertSql(spec), [batchId]);
    changes = { inserted: written?.inserted ?? 0, updated: updated?.n ?? 0, deleted };
  }
  await session.raw(
    `update import_batches set encoding = $2, rows_read = $3, rows_accepted = $4, rows_rejected = $5,
       total_read_fen = $6::bigint, total_accepted_fen = $7::bigint, total_rejected_fen = $8::bigint, changes = $9::text::jsonb
     where id = $1`,
    [
      batchId,
      report.table?.encoding ?? null,
      totals.rowsRead,
      totals.rowsAccepted,
      totals.rowsRejected,
      totals.totalReadFen.toString(),
      totals.totalAcceptedFen.toString(),
      totals.totalRejectedFen.toString(),
      JSON.stringify(changes),
    ],
  );
  if (report.rejects.length > 0) {
    await session.copyRows({
      table: "import_rejects",
      columns: ["batch_id", "row_number", "column", "value", "reason_code", "params"],
      rows: report.rejects.map((reject) => [
        batchId,
        reject.rowNumber ?? 0,
        reject.column,
        reject.value,
        reject.code,
        JSON.stringify(reject.params),
      ]),
    });
  }
  await auditBatch(session.raw, {
    actor: args.actor,
    action: "import.commit",
    batchId,
    detail: {
      kind,
      period: load.period,
      mode,
      rowsAccepted: totals.rowsAccepted,
      rowsRejected: totals.rowsRejected,
      changes,
    },
  });
  await reportPhase(load, "merged", totals.rowsAccepted);
  return { ...report, status: "committed", batchId, changes };
}
