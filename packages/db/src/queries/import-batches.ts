import type { ImportKind } from "@creditseg/core/constants";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { importBatches, importRejects } from "../schema";

const b = importBatches;
const r = importRejects;

export type ImportBatchRow = typeof b.$inferSelect;
export type ImportRejectRow = typeof r.$inferSelect;

/** Upload batches newest first (keyset on created time, then id), `limit` of them after `after`. */
export function listImportBatches(
  db: Db,
  args: {
    kinds?: readonly ImportKind[];
    statuses?: readonly ImportBatchRow["status"][];
    period?: string;
    after?: { createdAt: Date; id: string } | null;
    limit: number;
  },
): Promise<ImportBatchRow[]> {
  const after = args.after;
  return db
    .select()
    .from(b)
    .where(
      and(
        args.kinds?.length ? inArray(b.kind, [...args.kinds]) : undefined,
        args.statuses?.length ? inArray(b.status, [...args.statuses]) : undefined,
        args.period ? eq(b.period, args.period) : undefined,
        after
          ? sql`(${b.createdAt}, ${b.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(b.createdAt), desc(b.id))
    .limit(args.limit);
}

/** One batch, or null. */
export async function findImportBatch(db: Db, args: { batchId: string }): Promise<ImportBatchRow | null> {
  const [row] = await db.select().from(b).where(eq(b.id, args.batchId)).limit(1);
  return row ?? null;
}

/** A batch's rejected rows in file order, at most `limit`. */
export function listImportRejects(db: Db, args: { batchId: string; limit: number }): Promise<ImportRejectRow[]> {
  return db.select().from(r).where(eq(r.batchId, args.batchId)).orderBy(asc(r.rowNumber), asc(r.id)).limit(args.limit);
}
