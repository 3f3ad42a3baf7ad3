import { randomUUID } from "node:crypto";
import { type BulkSession, insertAuditRow, withBulkTransaction } from "@creditseg/db";
import { IngestError } from "../ingest-error";
import { hashSource } from "../read/open-table";
import { emptyTotals, type ImportReport } from "../report/import-report";
import { KIND_SPECS } from "../specs";
import { resolvePeriod, type ValidateImportArgs, validateImport } from "../validate/validate-import";
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
import { createRowSpool, type RowSpool } from "./row-spool";
import type { IngestAuditAction } from "../audit-actions";

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
 * Validates a file, then loads it in ONE transaction: a batch row, COPY of the accepted rows into a
 * staging table, a set-based merge by natural key (amend, or replace the period), before-images of
 * changed rows in import_row_history, the rejects set aside, and an audit row. Nothing is written
 * when the file is rejected, on a dry run, or when the same rows would land again (same file, kind, period, sheet,
 * encoding, header binding and mode: status "duplicate", no double count; see computeLoadKey). A failure or a
 * killed process leaves the database as before.
 */
export async function commitImport(args: CommitImportArgs): Promise<ImportReport> {
  const { handle, kind } = args;
  const options = args.options ?? {};
  const period = resolvePeriod(kind, args.period);
  const mode = options.mode ?? "amend";
  const checksum = await hashSource(args.file);
  let loadKey: string | null = null;
  let existing: BatchRow | undefined;

  const spool = options.isDryRun ? null : createRowSpool();
  // Chosen before the rows are read so that each spooled row carries it: COPY then writes rows ready for the table.
  const batchId = randomUUID();
  try {
    const validation = await validateImport({
      ...args,
      onAcceptedRow: spool ? (values) => spool.write([...values, batchId]) : undefined,
      // Known once the header is bound (the sheet read, the encoding, the binding): checked before any row is read.
      onOpened: async (opened) => {
        loadKey = computeLoadKey({ checksum, kind, period, opened, mode });
        [existing] = await handle.raw<BatchRow>(FIND_COMMITTED, [kind, period, loadKey]);
        return existing ? "stop" : "continue";
      },
    });
    if (existing) return duplicateReport(args, period, checksum, existing);
    const { report } = validation;
    if (report.status === "rejected" || report.isDryRun || !spool) return report;
    if (report.checksum !== checksum || loadKey === null)
      throw new IngestError("file_changed", "the file changed while it was being validated");
    await spool.finish();
    return await writeBatch({ args, period, checksum, loadKey, report, spool, batchId });
  } finally {
    spool?.dispose();
  }
}

/** The commit transaction: replays the validated rows from the spool, merges, records, audits. */
async function writeBatch(input: {
  args: CommitImportArgs;
  period: string;
  checksum: string;
  loadKey: string;
  report: ImportReport;
  spool: RowSpool;
  batchId: string;
}): Promise<ImportReport> {
  const { args, period, checksum, loadKey, report, spool, batchId } = input;
  const { handle, kind } = args;
  const options = args.options ?? {};
  const spec = KIND_SPECS[kind];

  const mode = options.mode ?? "amend";
  const totals = report.totals;
  try {
    const outcome = await withBulkTransaction(handle, async (session: BulkSession) => {
      await session.raw("select pg_advisory_xact_lock(hashtext($1))", [`creditseg.import:${kind}:${period}`]);
      const [raced] = await session.raw<BatchRow>(FIND_COMMITTED, [kind, period, loadKey]);
      if (raced) return { duplicate: raced } as const;
      await session.raw(
        `insert into import_batches (kind, period, file_name, checksum, encoding, uploaded_by, status, is_accept_valid, write_mode,
           rows_read, rows_accepted, rows_rejected, total_read_fen, total_accepted_fen, total_rejected_fen, expected_total_fen, committed_at, load_key, id)
         values ($1, $2, $3, $4, $5, $6, 'committed', $7, $8, $9, $10, $11, $12::bigint, $13::bigint, $14::bigint, $15::bigint, now(), $16, $17::uuid)`,
        [
          kind,
          period,
          args.file.name,
          checksum,
          report.table?.encoding ?? null,
          args.actor.id,
          options.isAcceptValid ?? false,
          mode,
          totals.rowsRead,
          totals.rowsAccepted,
          totals.rowsRejected,
          totals.totalReadFen.toString(),
          totals.totalAcceptedFen.toString(),
          totals.totalRejectedFen.toString(),
          totals.expectedTotalFen?.toString() ?? null,
          loadKey,
          batchId,
        ],
      );
      const copyInto = (table: string) =>
        session.copyCsv({
          table,
          columns: spoolColumns(spec),
          blocks: spool.blocks(),
          onProgress: (rowsCopied) =>
            args.onProgress?.({
              phase: "staging",
              rowsProcessed: rowsCopied,
              bytesRead: args.file.size ?? 0,
              totalBytes: args.file.size ?? null,
            }),
        });
      const reportMerging = () =>
        args.onProgress?.({
          phase: "merging",
          rowsProcessed: totals.rowsAccepted,
          bytesRead: args.file.size ?? 0,
          totalBytes: args.file.size ?? null,
        });
      // Under the advisory lock no other batch of this kind and period can land, so an empty period stays empty
      // until this COPY: every row is an insert, checked by the table's own keys and constraints as the merge's are.
      const [periodState] = spec.isPeriodic
        ? await session.raw<{ is_empty: boolean }>(isPeriodEmptySql(spec), [period])
        : [];
      let changes: { inserted: number; updated: number; deleted: number };
      if (periodState?.is_empty) {
        const inserted = await copyInto(spec.table);
        await reportMerging();
        changes = { inserted, updated: 0, deleted: 0 };
      } else {
        await session.raw(createStageSql(spec));
        await copyInto(STAGE_TABLE);
        await session.raw(`analyze ${STAGE_TABLE}`);
        await reportMerging();
        const [updated] = await session.raw<{ n: number }>(recordUpdatesSql(spec), [batchId]);
        let deleted = 0;
        if (mode === "replace") {
          const [gone] = await session.raw<{ n: number }>(
            replaceDeletesSql(spec),
            spec.isPeriodic ? [batchId, period] : [batchId],
          );
          deleted = gone?.n ?? 0;
        }
        const [written] = await session.raw<{ inserted: number; updated: number }>(upsertSql(spec), [batchId]);
        changes = { inserted: written?.inserted ?? 0, updated: updated?.n ?? 0, deleted };
      }
      await session.raw("update import_batches set changes = $2::text::jsonb where id = $1", [
        batchId,
        JSON.stringify(changes),
      ]);
      if (report.rejects.length > 0) {
        await session.copyRows({
          table: "import_rejects",
          columns: ["batch_id", "row_number", "column", "value", "reason_code", "message_zh", "message_en"],
          rows: report.rejects.map((reject) => [
            batchId,
            reject.rowNumber ?? 0,
            reject.column,
            reject.value,
            reject.code,
            reject.messageZh,
            reject.messageEn,
          ]),
        });
      }
      await insertAuditRow(session.raw, {
        actorId: args.actor.id,
        actorRole: args.actor.role ?? null,
        action: "import.commit" satisfies IngestAuditAction,
        entityType: "import_batch",
        entityId: batchId,
        detail: { kind, period, mode, rowsAccepted: totals.rowsAccepted, rowsRejected: totals.rowsRejected, changes },
        ip: args.actor.ip,
        userAgent: args.actor.userAgent,
      });
      await args.onProgress?.({
        phase: "merged",
        rowsProcessed: totals.rowsAccepted,
        bytesRead: args.file.size ?? 0,
        totalBytes: args.file.size ?? null,
      });
      return { batchId, changes } as const;
    });
    if ("duplicate" in outcome) {
      if (outcome.duplicate) return duplicateReport(args, period, checksum, outcome.duplicate);
      throw new Error("duplicate batch vanished");
    }
    await args.onProgress?.({
      phase: "committed",
      rowsProcessed: totals.rowsAccepted,
      bytesRead: args.file.size ?? 0,
      totalBytes: args.file.size ?? null,
    });
    return { ...report, status: "committed", batchId: outcome.batchId, changes: outcome.changes };
  } catch (error) {
    if (!isCommittedChecksumConflict(error)) throw error;
    const [winner] = await handle.raw<BatchRow>(FIND_COMMITTED, [kind, period, loadKey]);
    if (!winner) throw error;
    return duplicateReport(args, period, checksum, winner);
  }
}
