import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
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
  write: (values: readonly unknown[]) => Promise<void>;
  /** Flushes and closes the spool for writing. */
  finish: () => Promise<void>;
  blocks: () => AsyncGenerator<CsvBlock>;
  dispose: () => void;
};

/** Rows per block: one COPY statement on PGlite (which reads a whole blob), one progress step. */
const BLOCK_ROWS = 20_000;

export function createRowSpool(): RowSpool {
  const dir = mkdtempSync(join(tmpdir(), "creditseg-import-"));
  const path = join(dir, "accepted-rows.csv");
  const out = createWriteStream(path, { highWaterMark: 1024 * 1024 });
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
    write: async (values) => {
      text += toCopyCsvLine(values);
      rows++;
      if (rows >= BLOCK_ROWS) await flush();
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
