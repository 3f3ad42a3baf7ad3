import { once } from "node:events";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_BUDGETS } from "../budgets";
import type { ImportSource } from "../source";
import { prepareFile } from "./prepare-file";

const HEADER = "借据号,客户编号,产品,金额,执行利率,期限(月),发放日期,到期日,担保方式,五级分类,考核贷款年日均,累计天数";

/** A CSV source whose every opened stream is kept, to see whether the reading behind the rows was closed. */
function trackedSource(rows: number): { source: ImportSource; opened: Readable[] } {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++)
    lines.push(`L${i},C1,流动资金贷款,1000.00,4.35,12,2025-01-01,2026-01-01,信用,正常,900.00,300`);
  const bytes = Buffer.from(`${lines.join("\n")}\n`);
  const opened: Readable[] = [];
  // Chunks of 64 KB, as a file stream gives them: the reading is still going when the rows are closed.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) =>
    bytes.subarray(i * 65_536, (i + 1) * 65_536),
  );
  const source: ImportSource = {
    name: "loans.csv",
    size: bytes.length,
    open: () => {
      const stream = Readable.from(chunks);
      opened.push(stream);
      return stream;
    },
  };
  return { source, opened };
}

describe("prepareFile", () => {
  it.each(["calling", "worker"] as const)(
    "closes the reading behind its rows when they are closed before the first is taken (%s thread)",
    async (parseThread) => {
      const { source, opened } = trackedSource(20_000);
      const preparation = await prepareFile({
        kind: "loans",
        source,
        readOptions: { parseThread },
        mapping: {},
        budgets: DEFAULT_IMPORT_BUDGETS,
        period: null,
      });
      expect(preparation.ok).toBe(true);
      if (!preparation.ok) return;
      await preparation.file.dataRows.return(undefined);
      // The file's stream closes once the tap before the parser is destroyed (a turn later): left open, this times out.
      const read = opened.at(-1)!;
      if (!read.closed) await once(read, "close");
      expect(read.destroyed).toBe(true);
      expect((await preparation.file.dataRows.next()).done).toBe(true);
    },
  );
});
