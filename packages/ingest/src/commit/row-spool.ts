import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/**
 * Accepted rows parked on disk between validation and the commit transaction, one JSON array per
 * line (bigint as its digits: COPY reads a quoted "123" into a bigint column). The file is parsed
 * and validated once, and the transaction only replays the spool: it stays short.
 */
export type RowSpool = {
  write: (values: readonly unknown[]) => Promise<void>;
  /** Flushes and closes the spool for writing. */
  finish: () => Promise<void>;
  rows: () => AsyncGenerator<unknown[]>;
  dispose: () => void;
};

export function createRowSpool(): RowSpool {
  const dir = mkdtempSync(join(tmpdir(), "creditseg-import-"));
  const path = join(dir, "accepted-rows.jsonl");
  const out = createWriteStream(path, { encoding: "utf8", highWaterMark: 1024 * 1024 });
  const toJson = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);
  // Kept for finish(): a spool discarded early (rejected file) must not raise its pending writes' errors.
  let failure: Error | null = null;
  out.on("error", (error) => (failure ??= error));
  return {
    write: async (values) => {
      if (!out.write(`${JSON.stringify(values, toJson)}\n`)) await once(out, "drain");
    },
    finish: async () => {
      out.end();
      if (!out.writableFinished && !failure) await Promise.race([once(out, "finish"), once(out, "error")]);
      if (failure) throw failure;
    },
    rows: async function* () {
      const lines = createInterface({ input: createReadStream(path, { encoding: "utf8", highWaterMark: 1024 * 1024 }), crlfDelay: Infinity });
      for await (const line of lines) yield JSON.parse(line) as unknown[];
    },
    dispose: () => {
      out.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
