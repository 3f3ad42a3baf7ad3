import { toCopyCsvLine } from "@creditseg/db";
import { describe, expect, it } from "vitest";
import { createRowSpool } from "./row-spool";

describe("createRowSpool", () => {
  it("replays every accepted row as COPY CSV, in order, in blocks of whole rows", async () => {
    const spool = createRowSpool();
    try {
      const rows = Array.from({ length: 45_001 }, (_, i) => [
        "2025",
        `L${i}`,
        i % 7 === 0 ? 'name with "quotes"\nand a break' : "中文名称",
        BigInt(i) * 1_000_000_007n,
        i % 3 === 0 ? null : "4.35",
      ]);
      for (const row of rows) await spool.write(row);
      await spool.finish();
      let text = "";
      const counts: number[] = [];
      for await (const block of spool.blocks()) {
        const blockText = block.parts
          .map((part) => (typeof part === "string" ? part : Buffer.from(part).toString("utf8")))
          .join("");
        text += blockText;
        counts.push(block.rows);
        expect(blockText.endsWith("\n")).toBe(true);
      }
      expect(counts).toEqual([20_000, 20_000, 5_001]);
      expect(text).toBe(rows.map(toCopyCsvLine).join(""));
    } finally {
      spool.dispose();
    }
  });

  it("replays nothing when nothing was accepted", async () => {
    const spool = createRowSpool();
    try {
      await spool.finish();
      const blocks: unknown[] = [];
      for await (const block of spool.blocks()) blocks.push(block);
      expect(blocks).toEqual([]);
    } finally {
      spool.dispose();
    }
  });
});
