import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { DEFAULT_IMPORT_BUDGETS } from "@creditseg/ingest";

/**
 * Uploaded files wait on local disk between the upload request and the inspect / validate / commit calls that name
 * them by id, so a 200 MB file is streamed to disk once and never held in memory or sent through tRPC.
 * Each file lives in `<root>/<fileId>/` with `meta.json` (owner, name, size) and, after a check, `report.json`.
 */

/** Uploads not committed within this time are removed by the next upload's sweep, milliseconds. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME_LENGTH = 200;

/** The default directory: under the system's temporary directory, private to this app. */
export function defaultUploadRoot(): string {
  return join(tmpdir(), "creditseg-uploads");
}

export type UploadMeta = { fileId: string; name: string; size: number; ownerId: string; createdAt: string };
export type StoredUpload = { meta: UploadMeta; path: string };

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
 * Streams a request body to a new upload file, counting bytes as they arrive: past `maxBytes` the write stops and
 * the partial file is removed (a missing or false Content-Length cannot get around the limit).
 */
export async function saveUpload(args: {
  root: string;
  ownerId: string;
  name: string | null;
  body: ReadableStream<Uint8Array>;
  maxBytes?: number;
}): Promise<SaveUploadResult> {
  const maxBytes = args.maxBytes ?? DEFAULT_IMPORT_BUDGETS.maxBytes;
  const fileId = randomUUID();
  const dir = join(args.root, fileId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let size = 0;
  let isTooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        isTooLarge = true;
        callback(new Error("upload too large"));
        return;
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(args.body as WebReadableStream<Uint8Array>),
      counter,
      createWriteStream(join(dir, "file"), { mode: 0o600 }),
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (isTooLarge) return { ok: false, reason: "too_large" };
    throw error;
  }
  if (size === 0) {
    await rm(dir, { recursive: true, force: true });
    return { ok: false, reason: "empty" };
  }
  const meta: UploadMeta = {
    fileId,
    name: cleanFileName(args.name),
    size,
    ownerId: args.ownerId,
    createdAt: new Date().toISOString(),
  };
  await writeFile(join(dir, "meta.json"), JSON.stringify(meta), { mode: 0o600 });
  return { ok: true, meta };
}

/** An upload's record (kept after its file is committed and removed), or null. */
export async function readUploadMeta(root: string, fileId: string): Promise<UploadMeta | null> {
  if (!UUID.test(fileId)) return null;
  try {
    return JSON.parse(await readFile(join(root, fileId, "meta.json"), "utf8")) as UploadMeta;
  } catch {
    return null;
  }
}

/** An upload of this owner, or null when it does not exist, expired, was committed, or belongs to someone else (the same answer). */
export async function findUpload(args: {
  root: string;
  ownerId: string;
  fileId: string;
}): Promise<StoredUpload | null> {
  const meta = await readUploadMeta(args.root, args.fileId);
  if (!meta || meta.ownerId !== args.ownerId || Date.now() - Date.parse(meta.createdAt) > UPLOAD_TTL_MS) return null;
  const path = join(args.root, args.fileId, "file");
  const isPresent = await stat(path).then(
    () => true,
    () => false,
  );
  return isPresent ? { meta, path } : null;
}

/** Keeps the latest check's report beside the file, for the rejected-rows download (JSON with bigints as strings). */
export async function saveUploadReport(root: string, fileId: string, report: unknown): Promise<void> {
  const text = JSON.stringify(report, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  await writeFile(join(root, fileId, "report.json"), text, { mode: 0o600 });
}

/** The report saved by the latest check of an upload, or null. */
export async function readUploadReport(root: string, fileId: string): Promise<unknown> {
  if (!UUID.test(fileId)) return null;
  try {
    return JSON.parse(await readFile(join(root, fileId, "report.json"), "utf8")) as unknown;
  } catch {
    return null;
  }
}

/** Removes an upload's file but keeps its report (for the download), once the file is committed. */
export async function discardUploadFile(root: string, fileId: string): Promise<void> {
  if (UUID.test(fileId)) await rm(join(root, fileId, "file"), { force: true });
}

/** Removes uploads older than the time to live; returns how many. */
export async function sweepExpiredUploads(root: string, now: number = Date.now()): Promise<number> {
  let removed = 0;
  let entries: string[];
  try {
    entries = await readdir(root);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!UUID.test(entry)) continue;
    const dir = join(root, entry);
    const info = await stat(dir).catch(() => null);
    if (info && now - info.mtimeMs > UPLOAD_TTL_MS) {
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
