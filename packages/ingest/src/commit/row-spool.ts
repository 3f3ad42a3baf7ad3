import { once } from "node:events";
import { createWriteStream, mkdtempSync, openSync, readdirSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CsvBlock, toCopyCsvLine } from "@creditseg/db";

/**
 * Accepted rows parked on disk between validation and the commit transaction, already encoded as
 * COPY CSV and cut into blocks of whole rows. The file is parsed and validated once, and the
 * transaction only streams the blocks into COPY: it stays short, and nothing is encoded twice.
 */
export type RowSpool = {
  /** Adds a row; returns a promise only when the next write must wait for it (a block being handed on). */
  write: (values: readonly unknown[]) => Promise<void> | undefined;
  /** Flushes and closes the spool for writing. */
  finish: () => Promise<void>;
  blocks: () => AsyncGenerator<CsvBlock>;
  dispose: () => void;
};

/** Rows per block: one COPY statement on PGlite (which reads a whole blob), one progress step. */
const BLOCK_ROWS = 20_000;

/** Spool directories are `creditseg-import-<pid>-<random>`: the pid says whether their writer still runs. */
const SPOOL_PREFIX = "creditseg-import-";
const SPOOL_NAME = /^creditseg-import-(\d+)-/;

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes spools left by processes that no longer run (killed mid-import: a finally never ran). A live process's
 * spool, this one's included, is never touched. Returns how many were removed.
 */
export function sweepStaleSpools(root: string = tmpdir()): number {
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const pid = Number(SPOOL_NAME.exec(entry)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    rmSync(join(root, entry), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

let isSwept = false;

export function createRowSpool(root: string = tmpdir()): RowSpool {
  // Once per process, at its first import: what a killed predecessor left is gone before this one adds its own.
  if (!isSwept) {
    isSwept = true;
    sweepStaleSpools(root);
  }
  const dir = mkdtempSync(join(root, `${SPOOL_PREFIX}${process.pid}-`));
  const path = join(dir, "accepted-rows.csv");
  // Opened here, synchronously: a stream left to open the file itself could create it after dispose() emptied the
  // directory (a file rejected at once), and the directory's removal would then fail with ENOTEMPTY.
  const out = createWriteStream(path, { fd: openSync(path, "w"), highWaterMark: 1024 * 1024 });
  /** Byte length and row count of each block written, in file order. */
  const written: { bytes: number; rows: number }[] = [];
  let text = "";
  let rows = 0;
  // Kept for finish(): a spool discarded early (rejected file) must not raise its pending writes' errors.
  let failure: Error | null = null;
  out.on("error", (error) => (failure ??= error));
  const flush = async () => {
    if (rows === 0) return;
    const bytes = Buffer.from(text, "utf8");
    written.push({ bytes: bytes.length, rows });
    text = "";
    rows = 0;
    if (!out.write(bytes)) await once(out, "drain");
  };
  return {
    write: (values) => {
      text += toCopyCsvLine(values);
      rows++;
      return rows >= BLOCK_ROWS ? flush() : undefined;
    },
    finish: async () => {
      await flush();
      out.end();
      if (!out.writableFinished && !failure) await Promise.race([once(out, "finish"), once(out, "error")]);
      if (failure) throw failure;
    },
    blocks: async function* () {
      const file = await open(path, "r");
      try {
        let position = 0;
        for (const block of written) {
          const buffer = Buffer.allocUnsafe(block.bytes);
          const { bytesRead } = await file.read(buffer, 0, block.bytes, position);
          if (bytesRead !== block.bytes)
            throw new Error(
              `the import spool is shorter than written (${bytesRead} of ${block.bytes} bytes at ${position})`,
            );
          position += block.bytes;
          yield { parts: [buffer], rows: block.rows };
        }
      } finally {
        await file.close();
      }
    },
    dispose: () => {
      out.destroy();
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
