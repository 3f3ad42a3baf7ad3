import { and, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { pendingUploadChunks, pendingUploads } from "../schema";
import { createChunkSink, FILE_CHUNK_BYTES, readChunksInOrder } from "./chunked-bytes";

/** Bytes one chunk row holds at most: a chunk is buffered while it fills, so this bounds an upload's memory. */
export const PENDING_UPLOAD_CHUNK_BYTES = FILE_CHUNK_BYTES;

export type PendingUpload = {
  id: string;
  ownerId: string;
  name: string;
  /** Bytes. */
  size: number;
  kind: string | null;
  period: string | null;
  createdAt: Date;
  expiresAt: Date;
  /** False once the file was committed and its bytes removed (the record and report stay until expiry). */
  hasBytes: boolean;
};

/** Uploads not committed within this time are removed by the next upload's sweep, milliseconds. */
export const PENDING_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export type WritePendingUploadResult =
  { ok: true; upload: PendingUpload } | { ok: false; reason: "too_large" | "empty" };

/**
 * Receives a file into the database as it arrives, re-cut into chunks of PENDING_UPLOAD_CHUNK_BYTES. Past `maxBytes`
 * the write stops and what was written is removed (a missing or false Content-Length cannot get around the limit);
 * an empty file is removed too. The upload is offered only once its size is set after the last chunk, so a
 * request that dies half-way leaves a record no one can use, removed by the expiry sweep.
 */
export async function writePendingUpload(
  db: Db,
  args: {
    ownerId: string;
    name: string;
    body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
    maxBytes: number;
    ttlMs: number;
  },
): Promise<WritePendingUploadResult> {
  const [created] = await db
    .insert(pendingUploads)
    .values({ ownerId: args.ownerId, name: args.name, expiresAt: new Date(Date.now() + args.ttlMs) })
    .returning({ id: pendingUploads.id });
  const uploadId = created!.id;
  const sink = createChunkSink(async (seq, bytes) => {
    await db.insert(pendingUploadChunks).values({ uploadId, seq, bytes });
  }, PENDING_UPLOAD_CHUNK_BYTES);
  let size = 0;
  try {
    for await (const piece of args.body) {
      size += piece.byteLength;
      if (size > args.maxBytes) {
        await deletePendingUpload(db, uploadId);
        return { ok: false, reason: "too_large" };
      }
      await sink.write(piece);
    }
    await sink.end();
  } catch (error) {
    await deletePendingUpload(db, uploadId);
    throw error;
  }
  if (size === 0) {
    await deletePendingUpload(db, uploadId);
    return { ok: false, reason: "empty" };
  }
  const [row] = await db.update(pendingUploads).set({ size }).where(eq(pendingUploads.id, uploadId)).returning();
  return { ok: true, upload: toPendingUpload(row!) };
}

/** A received upload (expired or not, with or without its bytes), or null: callers decide what the owner may see. */
export async function findPendingUpload(db: Db, uploadId: string): Promise<PendingUpload | null> {
  const [row] = await db.select().from(pendingUploads).where(eq(pendingUploads.id, uploadId));
  return row && row.size !== null ? toPendingUpload(row) : null;
}

/** The bytes of an upload in order, one chunk row read at a time (a file is read twice: the check, then the commit pass). */
export function readPendingUploadBytes(db: Db, uploadId: string): AsyncGenerator<Uint8Array> {
  return readChunksInOrder(async (seq) => {
    const [row] = await db
      .select({ bytes: pendingUploadChunks.bytes })
      .from(pendingUploadChunks)
      .where(and(eq(pendingUploadChunks.uploadId, uploadId), eq(pendingUploadChunks.seq, seq)));
    return row?.bytes ?? null;
  });
}

/** Keeps the latest check's report (JSON-ready: bigints already strings) with the kind and period it was checked as. */
export async function savePendingUploadReport(
  db: Db,
  args: { uploadId: string; kind: string; period: string | null; report: unknown },
): Promise<void> {
  await db
    .update(pendingUploads)
    .set({ kind: args.kind, period: args.period, report: args.report })
    .where(eq(pendingUploads.id, args.uploadId));
}

/** The report saved by an upload's latest check, with its owner (the download checks ownership), or null. */
export async function readPendingUploadReport(
  db: Db,
  uploadId: string,
): Promise<{ ownerId: string; report: unknown } | null> {
  const [row] = await db
    .select({ ownerId: pendingUploads.ownerId, report: pendingUploads.report })
    .from(pendingUploads)
    .where(eq(pendingUploads.id, uploadId));
  return row && row.report !== null ? { ownerId: row.ownerId, report: row.report } : null;
}

/** Removes a committed upload's bytes, keeping its record and report for the download. */
export async function discardPendingUploadBytes(db: Db, uploadId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(pendingUploadChunks).where(eq(pendingUploadChunks.uploadId, uploadId));
    await tx
      .update(pendingUploads)
      .set({ discardedAt: sql`now()` })
      .where(and(eq(pendingUploads.id, uploadId), isNull(pendingUploads.discardedAt)));
  });
}

/** Removes an upload with its bytes. */
export async function deletePendingUpload(db: Db, uploadId: string): Promise<void> {
  await db.delete(pendingUploads).where(eq(pendingUploads.id, uploadId));
}

/** Removes uploads past their expiry (chunks with them); returns how many. */
export async function deleteExpiredPendingUploads(db: Db, now: Date = new Date()): Promise<number> {
  const removed = await db
    .delete(pendingUploads)
    .where(lte(pendingUploads.expiresAt, now))
    .returning({ id: pendingUploads.id });
  return removed.length;
}

/** Whether an upload is still within its time to live. */
export function isPendingUploadLive(upload: PendingUpload, now: Date = new Date()): boolean {
  return upload.expiresAt.getTime() > now.getTime();
}

function toPendingUpload(row: typeof pendingUploads.$inferSelect): PendingUpload {
  return {
    id: row.id,
    ownerId: row.ownerId,
    name: row.name,
    size: row.size ?? 0,
    kind: row.kind,
    period: row.period,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    hasBytes: row.discardedAt === null,
  };
}
