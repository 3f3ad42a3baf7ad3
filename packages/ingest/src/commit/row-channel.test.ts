import { describe, expect, it } from "vitest";
import { toCopyCsvLine } from "@creditseg/db";
import { createRowChannel } from "./row-channel";

const row = (i: number) => [i, `row ${i} 中文 "quoted"`, BigInt(i) * 100n, null];

/** Resolves to whether `promise` settled within a few turns of the event loop. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe("createRowChannel", () => {
  it("hands every row to the reader in order, as COPY CSV blocks of whole rows", async () => {
    const channel = createRowChannel();
    const reading = (async () => {
      const parts: string[] = [];
      let rows = 0;
      for await (const block of channel.blocks()) {
        parts.push(...block.parts.map(String));
        rows += block.rows;
      }
      return { text: parts.join(""), rows };
    })();
    const expected: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      await channel.write(row(i));
      expected.push(toCopyCsvLine(row(i)));
    }
    await channel.finish();
    expect(await reading).toEqual({ text: expected.join(""), rows: 5_000 });
  });

  it("makes the writer wait while the reader is behind, so memory holds a few blocks whatever the file", async () => {
    const channel = createRowChannel({ maxQueuedBlocks: 2 });
    const long = "x".repeat(40 * 1024);
    // Each row fills a block: the second waits for the reader.
    await channel.write([1, long]);
    // A write that fills a block returns its promise; Promise.resolve keeps its state.
    const second = Promise.resolve(channel.write([2, long]));
    expect(await isSettled(second)).toBe(false);
    const blocks = channel.blocks();
    expect((await blocks.next()).value?.rows).toBe(1);
    expect(await isSettled(second)).toBe(true);
    await channel.finish();
    expect((await blocks.next()).value?.rows).toBe(1);
    expect((await blocks.next()).done).toBe(true);
  });

  it("ends both sides with the error it fails with: a refused COPY stops the writer, a rejected file stops the COPY", async () => {
    const channel = createRowChannel({ maxQueuedBlocks: 2 });
    const long = "x".repeat(40 * 1024);
    await channel.write([1, long]);
    const waiting = Promise.resolve(channel.write([2, long]));
    channel.fail(new Error("COPY refused"));
    await expect(waiting).rejects.toThrow("COPY refused");
    await expect(channel.write([3, "more"])).rejects.toThrow("COPY refused");
    await expect(channel.blocks().next()).rejects.toThrow("COPY refused");
  });
});
