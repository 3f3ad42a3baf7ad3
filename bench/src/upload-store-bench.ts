/**
 * How long a pending upload takes to go into the database and back out, and what it costs in memory:
 * `npx tsx bench/src/upload-store-bench.ts [--mb 100] [--db pglite|postgres]` (PostgreSQL: TEST_DATABASE_URL's server,
 * a throwaway database). The body arrives in 64 KiB pieces, as a request stream does; it is read back once in full.
 */
import { parseArgs } from "node:util";
import {
  createDb,
  migrateDb,
  readDbEnv,
  readPendingUploadBytes,
  writePendingUpload,
  type DbHandle,
} from "@creditseg/db";
import { withMigratedPostgres } from "./throwaway-postgres";

const PIECE_BYTES = 64 * 1024;

function* body(totalBytes: number): Generator<Uint8Array> {
  const piece = new Uint8Array(PIECE_BYTES).map((_, i) => (i * 31 + 7) % 256);
  for (let sent = 0; sent < totalBytes; sent += PIECE_BYTES)
    yield piece.subarray(0, Math.min(PIECE_BYTES, totalBytes - sent));
}

async function measure(handle: DbHandle, totalBytes: number) {
  await handle.raw("insert into users (id, name, email, role) values ('bench', 'bench', 'bench@x', 'admin')");
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const writeStart = performance.now();
  const written = await writePendingUpload(handle.db, {
    ownerId: "bench",
    name: "bench.csv",
    body: body(totalBytes),
    maxBytes: totalBytes,
    ttlMs: 60_000,
  });
  const writeMs = performance.now() - writeStart;
  if (!written.ok) throw new Error(written.reason);
  const readStart = performance.now();
  let readBytes = 0;
  for await (const chunk of readPendingUploadBytes(handle.db, written.upload.id)) readBytes += chunk.byteLength;
  const readMs = performance.now() - readStart;
  clearInterval(sample);
  if (readBytes !== totalBytes) throw new Error(`read ${readBytes} of ${totalBytes} bytes`);
  return { writeS: writeMs / 1000, readS: readMs / 1000, peakRssMb: Math.round(peakRss / 2 ** 20) };
}

const { values } = parseArgs({
  options: { mb: { type: "string", default: "100" }, db: { type: "string", default: "pglite" } },
});
const totalBytes = Number(values.mb) * 2 ** 20;
const result =
  values.db === "postgres"
    ? await withMigratedPostgres(readDbEnv().TEST_DATABASE_URL ?? "", (handle) => measure(handle, totalBytes))
    : await (async () => {
        const handle = await createDb({ pgliteDir: "memory://" });
        try {
          await migrateDb(handle);
          return await measure(handle, totalBytes);
        } finally {
          await handle.close();
        }
      })();
console.log(JSON.stringify({ db: values.db, mb: Number(values.mb), ...result }));
