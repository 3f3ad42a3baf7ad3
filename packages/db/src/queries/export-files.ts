import { and, eq, lte } from "drizzle-orm";
import type { Db } from "../client";
import { exportJobChunks, exportJobs } from "../schema";
import { createChunkSink, readChunksInOrder, type ChunkSink } from "./chunked-bytes";

/** Where an export job writes its file: chunk rows of the job, in order. */
export function exportFileSink(db: Db, jobId: string): ChunkSink {
  return createChunkSink(async (seq, bytes) => {
    await db.insert(exportJobChunks).values({ jobId, seq, bytes });
  });
}

/** An export's bytes in order, one chunk row read at a time (a download holds one chunk). */
export function readExportFileBytes(db: Db, jobId: string): AsyncGenerator<Uint8Array> {
  return readChunksInOrder(async (seq) => {
    const [row] = await db
      .select({ bytes: exportJobChunks.bytes })
      .from(exportJobChunks)
      .where(and(eq(exportJobChunks.jobId, jobId), eq(exportJobChunks.seq, seq)));
    return row?.bytes ?? null;
  });
}

/** Removes the chunks an export wrote (a failed job keeps none of its half-written file). */
export async function deleteExportFileBytes(db: Db, jobId: string): Promise<void> {
  await db.delete(exportJobChunks).where(eq(exportJobChunks.jobId, jobId));
}

/** Removes exports past their expiry (their files with them); returns how many. */
export async function deleteExpiredExports(db: Db, now: Date = new Date()): Promise<number> {
  const removed = await db.delete(exportJobs).where(lte(exportJobs.expiresAt, now)).returning({ id: exportJobs.id });
  return removed.length;
}
