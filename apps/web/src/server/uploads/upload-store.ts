import { basename } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  deleteExpiredPendingUploads,
  discardPendingUploadBytes,
  findPendingUpload,
  isPendingUploadLive,
  PENDING_UPLOAD_TTL_MS,
  readPendingUploadBytes,
  readPendingUploadReport,
  savePendingUploadReport,
  writePendingUpload,
  type Db,
} from "@creditseg/db";
import { DEFAULT_IMPORT_BUDGETS, type ImportSource } from "@creditseg/ingest";

/**
 * Uploaded files wait in the database (`pending_uploads`, the bytes in 1 MiB chunks) between the upload request and
 * the inspect / validate / commit calls that name them by id, so any web instance can serve any of those calls, and
 * a 200 MB file is streamed in and out chunk by chunk, never held in memory or sent through tRPC.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME_LENGTH = 200;

export type UploadMeta = { fileId: string; name: string; size: number; ownerId: string; createdAt: string };
/** An upload whose bytes can be read (through `source`) by the ingest package, as often as it needs. */
export type StoredUpload = { meta: UploadMeta; source: ImportSource };

/** A file name fit to keep and show: no directories, no control characters, bounded; "upload" when nothing is left. */
export function cleanFileName(name: string | null): string {
  const cleaned = basename((name ?? "").replaceAll("\\", "/"))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  return cleaned.slice(0, MAX_NAME_LENGTH) || "upload";
}

export type SaveUploadResult = { ok: true; meta: UploadMeta } | { ok: false; reason: "too_large" | "empty" };

/**
 * Streams a request body into a new upload, counting bytes as they arrive: past `maxBytes` the write stops and
 * what was written is removed (a missing or false Content-Length cannot get around the limit).
 */
export async function saveUpload(args: {
  db: Db;
  ownerId: string;
  name: string | null;
  body: ReadableStream<Uint8Array>;
  maxBytes?: number;
}): Promise<SaveUploadResult> {
  const saved = await writePendingUpload(args.db, {
    ownerId: args.ownerId,
    name: cleanFileName(args.name),
    body: Readable.fromWeb(args.body as WebReadableStream<Uint8Array>),
    maxBytes: args.maxBytes ?? DEFAULT_IMPORT_BUDGETS.maxBytes,
    ttlMs: PENDING_UPLOAD_TTL_MS,
  });
  if (!saved.ok) return saved;
  const { id, name, size, ownerId, createdAt } = saved.upload;
  return { ok: true, meta: { fileId: id, name, size, ownerId, createdAt: createdAt.toISOString() } };
}

/** An upload of this owner, or null when it does not exist, expired, was committed, or belongs to someone else (the same answer). */
export async function findUpload(args: { db: Db; ownerId: string; fileId: string }): Promise<StoredUpload | null> {
  if (!UUID.test(args.fileId)) return null;
  const upload = await findPendingUpload(args.db, args.fileId);
  if (!upload || upload.ownerId !== args.ownerId || !upload.hasBytes || !isPendingUploadLive(upload)) return null;
  const { db } = args;
  return {
    meta: {
      fileId: upload.id,
      name: upload.name,
      size: upload.size,
      ownerId: upload.ownerId,
      createdAt: upload.createdAt.toISOString(),
    },
    source: { name: upload.name, size: upload.size, open: () => Readable.from(readPendingUploadBytes(db, upload.id)) },
  };
}

/** Keeps the latest check's report with the upload, for the rejected-rows download (bigints as strings). */
export async function saveUploadReport(
  db: Db,
  args: { fileId: string; kind: string; period?: string | null; report: unknown },
): Promise<void> {
  const text = JSON.stringify(args.report, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  await savePendingUploadReport(db, {
    uploadId: args.fileId,
    kind: args.kind,
    period: args.period ?? null,
    report: JSON.parse(text),
  });
}

/** The report saved by the latest check of an upload of this owner (kept after its commit), or null. */
export async function readUploadReport(db: Db, args: { ownerId: string; fileId: string }): Promise<unknown> {
  if (!UUID.test(args.fileId)) return null;
  const saved = await readPendingUploadReport(db, args.fileId);
  return saved?.ownerId === args.ownerId ? saved.report : null;
}

/** Removes an upload's bytes but keeps its report (for the download), once the file is committed. */
export async function discardUploadFile(db: Db, fileId: string): Promise<void> {
  if (UUID.test(fileId)) await discardPendingUploadBytes(db, fileId);
}

/** Removes uploads past their time to live; returns how many. */
export function sweepExpiredUploads(db: Db, now: Date = new Date()): Promise<number> {
  return deleteExpiredPendingUploads(db, now);
}
