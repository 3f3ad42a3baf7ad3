import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { createTestDb, describeEachDb } from "../testing";
import {
  PENDING_UPLOAD_CHUNK_BYTES,
  deleteExpiredPendingUploads,
  discardPendingUploadBytes,
  findPendingUpload,
  readPendingUploadBytes,
  readPendingUploadReport,
  savePendingUploadReport,
  writePendingUpload,
} from "./pending-uploads";

const HOUR_MS = 60 * 60 * 1000;

/** A body arriving in uneven pieces, as a request stream does. */
async function* piecesOf(bytes: Uint8Array, pieceSize: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += pieceSize) yield bytes.subarray(at, at + pieceSize);
}

async function readAll(handle: DbHandle, id: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of readPendingUploadBytes(handle.db, id)) parts.push(part);
  return Buffer.concat(parts);
}

describeEachDb("pending uploads", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
    await handle.raw("insert into users (id, name, email, role) values ('u1', 'a', 'a@x', 'admin')");
  });
  afterAll(() => handle.close());

  it("keeps a file of several chunks byte for byte and reads it back in order, more than once", async () => {
    // 2.5 chunks of every byte value, arriving in 64 KiB + 7 pieces so chunk boundaries cut through pieces.
    const bytes = new Uint8Array(Math.floor(PENDING_UPLOAD_CHUNK_BYTES * 2.5)).map((_, i) => (i * 31 + 7) % 256);
    const written = await writePendingUpload(handle.db, {
      ownerId: "u1",
      name: "loans.csv",
      body: piecesOf(bytes, 64 * 1024 + 7),
      maxBytes: bytes.byteLength,
      ttlMs: HOUR_MS,
    });
    if (!written.ok) throw new Error(`not written: ${written.reason}`);
    expect(written.upload).toMatchObject({ ownerId: "u1", name: "loans.csv", size: bytes.byteLength, hasBytes: true });
    const chunks = await handle.raw<{ n: number }>(
      "select count(*)::int as n from pending_upload_chunks where upload_id = $1",
      [written.upload.id],
    );
    expect(chunks[0]!.n).toBe(3);
    expect((await readAll(handle, written.upload.id)).equals(Buffer.from(bytes))).toBe(true);
    expect((await readAll(handle, written.upload.id)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("removes what it wrote when the body passes the byte budget or is empty", async () => {
    const before = await handle.raw<{ n: number }>("select count(*)::int as n from pending_uploads");
    const tooLarge = await writePendingUpload(handle.db, {
      ownerId: "u1",
      name: "big.csv",
      body: piecesOf(new Uint8Array(PENDING_UPLOAD_CHUNK_BYTES + 10), 300_000),
      maxBytes: PENDING_UPLOAD_CHUNK_BYTES + 9,
      ttlMs: HOUR_MS,
    });
    expect(tooLarge).toEqual({ ok: false, reason: "too_large" });
    const empty = await writePendingUpload(handle.db, {
      ownerId: "u1",
      name: "empty.csv",
      body: piecesOf(new Uint8Array(0), 1),
      maxBytes: 100,
      ttlMs: HOUR_MS,
    });
    expect(empty).toEqual({ ok: false, reason: "empty" });
    const after = await handle.raw<{ n: number }>("select count(*)::int as n from pending_uploads");
    expect(after[0]!.n).toBe(before[0]!.n);
    const orphans = await handle.raw<{ n: number }>(
      "select count(*)::int as n from pending_upload_chunks c where not exists (select 1 from pending_uploads u where u.id = c.upload_id)",
    );
    expect(orphans[0]!.n).toBe(0);
  });

  it("keeps the report after the bytes are discarded, and the sweep removes expired uploads with their chunks", async () => {
    const written = await writePendingUpload(handle.db, {
      ownerId: "u1",
      name: "deposits.csv",
      body: piecesOf(new TextEncoder().encode("a,b\n1,2\n"), 3),
      maxBytes: 1000,
      ttlMs: HOUR_MS,
    });
    if (!written.ok) throw new Error("not written");
    const id = written.upload.id;
    await savePendingUploadReport(handle.db, { uploadId: id, kind: "deposits", period: "2026-03", report: { n: "1" } });
    await discardPendingUploadBytes(handle.db, id);
    expect(await findPendingUpload(handle.db, id)).toMatchObject({
      hasBytes: false,
      kind: "deposits",
      period: "2026-03",
    });
    expect((await readAll(handle, id)).byteLength).toBe(0);
    expect(await readPendingUploadReport(handle.db, id)).toEqual({ ownerId: "u1", report: { n: "1" } });

    expect(await deleteExpiredPendingUploads(handle.db, new Date(Date.now() + HOUR_MS / 2))).toBe(0);
    const removed = await deleteExpiredPendingUploads(handle.db, new Date(Date.now() + 2 * HOUR_MS));
    expect(removed).toBeGreaterThanOrEqual(2);
    expect(await findPendingUpload(handle.db, id)).toBeNull();
    const left = await handle.raw<{ n: number }>("select count(*)::int as n from pending_upload_chunks");
    expect(left[0]!.n).toBe(0);
  });
});
