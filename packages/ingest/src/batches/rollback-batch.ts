import { withBulkTransaction, type DbHandle } from "@creditseg/db";
import type { ImportKind } from "@creditseg/core/constants";
import type { Actor } from "../commit/actor";
import { deleteInsertedSql, restoreBeforeImagesSql } from "../commit/merge-sql";
import { IngestError } from "../ingest-error";
import { KIND_SPECS } from "../specs";
import { auditBatch } from "../audit-actions";

export type RollbackResult = { batchId: string; deleted: number; restored: number };

/**
 * Undoes a committed batch in one transaction: rows it inserted are deleted, rows it updated or
 * deleted get their before-images back; the batch is marked rolled_back (kept in history) and audited.
 * Refused while a segment run lists the batch in its inputs, or when a later batch of the same kind
 * and period was committed (its changes would be lost).
 */
export async function rollbackBatch(args: {
  handle: DbHandle;
  batchId: string;
  actor: Actor;
}): Promise<RollbackResult> {
  const { batchId } = args;
  if (!/^[0-9a-f-]{36}$/i.test(batchId)) throw new IngestError("batch_not_found", `no import batch ${batchId}`);
  try {
    return await withBulkTransaction(args.handle, async (session) => {
      const [batch] = await session.raw<{ kind: ImportKind; period: string; status: string }>(
        "select kind, period, status from import_batches where id = $1 for update",
        [batchId],
      );
      if (!batch) throw new IngestError("batch_not_found", `no import batch ${batchId}`);
      if (batch.status !== "committed")
        throw new IngestError("batch_not_committed", `batch ${batchId} is ${batch.status}, not committed`);
      await session.raw("select pg_advisory_xact_lock(hashtext($1))", [
        `creditseg.import:${batch.kind}:${batch.period}`,
      ]);
      // Runs record what they read as `inputs.batches: [{ id, kind, checksum, ... }]` (the engine's RunInputs).
      const [run] = await session.raw<{ id: number }>(
        "select id from segment_runs where inputs->'batches' @> jsonb_build_array(jsonb_build_object('id', $1::text)) order by id limit 1",
        [batchId],
      );
      if (run) throw new IngestError("batch_in_use", `segment run ${run.id} was computed from batch ${batchId}`);
      const [later] = await session.raw<{ id: string }>(
        // Compared in SQL: a timestamp sent back as a parameter would lose its microseconds.
        "select id from import_batches where kind = $1 and period = $2 and status = 'committed' and committed_at > (select committed_at from import_batches where id = $3) limit 1",
        [batch.kind, batch.period, batchId],
      );
      if (later)
        throw new IngestError(
          "later_batch_exists",
          `batch ${later.id} of the same kind and period was committed later; roll it back first`,
        );
      const spec = KIND_SPECS[batch.kind];
      const columns = await session.raw<{ name: string; is_identity: string }>(
        "select column_name as name, is_identity from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position",
        [spec.table],
      );
      const [deleted] = await session.raw<{ n: number }>(deleteInsertedSql(spec), [batchId]);
      const [restored] = await session.raw<{ n: number }>(
        restoreBeforeImagesSql(
          spec,
          columns.map((column) => ({ name: column.name, isIdentity: column.is_identity === "YES" })),
        ),
        [batchId],
      );
      await session.raw(
        "update import_batches set status = 'rolled_back', rolled_back_at = now(), rolled_back_by = $2 where id = $1",
        [batchId, args.actor.id],
      );
      const result = { batchId, deleted: deleted?.n ?? 0, restored: restored?.n ?? 0 };
      await auditBatch(session.raw, {
        actor: args.actor,
        action: "import.rollback",
        batchId,
        detail: { kind: batch.kind, period: batch.period, deleted: result.deleted, restored: result.restored },
      });
      return result;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "23503") {
      throw new IngestError(
        "rollback_blocked_by_references",
        `rows of batch ${batchId} are referenced by other data (e.g. loans of customers it added)`,
      );
    }
    throw error;
  }
}
