import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, describeEachDb } from "../testing";
import { Writable } from "node:stream";
import {
  encodeCsvBlocks,
  postgresSession,
  withBulkTransaction,
  type CsvBlock,
  type PostgresUnsafe,
} from "./bulk-session";
import { toCopyCsvLine } from "./csv-line";

/** Values COPY CSV must carry unchanged: quotes, delimiters, line breaks, CJK, empty vs NULL, the largest bigint, jsonb. */
const AWKWARD: (readonly unknown[])[] = [
  [1, 'say "hi", then leave', 9_223_372_036_854_775_807n, { note: "a,b" }],
  [2, "line one\nline two\r\nline three", -9_223_372_036_854_775_808n, null],
  [3, "", 0n, []],
  [4, null, 42n, { zh: "中国工商银行" }],
  [5, "=SUM(A1)", 7n, { quote: '"' }],
];

const rowsOf = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    AWKWARD[i % AWKWARD.length]!.map((value, column) => (column === 0 ? i + 1 : value)),
  );

describe("copyCsv's end of stream", () => {
  it("ends a COPY whose last write was accepted but not yet sent, instead of waiting for a drain that never comes", async () => {
    // A socket slower than one event-loop turn: each write completes 20 ms later, under the high-water mark, so the
    // stream never refuses a write (and so never emits `drain`) while bytes are still queued at the end.
    const received: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        setTimeout(() => {
          received.push(chunk.toString());
          done();
        }, 20);
      },
    });
    const unsafe = ((text: string) =>
      text.startsWith("COPY")
        ? { writable: () => Promise.resolve(stream), then: () => undefined }
        : Promise.resolve([])) as unknown as PostgresUnsafe;
    const copied = await postgresSession(unsafe).copyCsv({
      table: "t",
      columns: ["a"],
      blocks: [{ parts: ["1\n"], rows: 1 }],
    });
    expect(copied).toBe(1);
    expect(received).toEqual(["1\n"]);
  });
});

describe("encodeCsvBlocks", () => {
  const textOf = (blocks: CsvBlock[]) => blocks.flatMap((b) => b.parts).join("");

  it("cuts whole rows into blocks by rows or by characters, joined or as lines, and keeps every line", async () => {
    const rows = rowsOf(12);
    const lines = rows.map(toCopyCsvLine);
    const byRows: CsvBlock[] = [];
    for await (const block of encodeCsvBlocks(rows, { maxRows: 5, maxChars: 1e9, isJoined: false })) byRows.push(block);
    expect(byRows.map((b) => b.rows)).toEqual([5, 5, 2]);
    expect(byRows[0]!.parts).toEqual(lines.slice(0, 5));
    expect(textOf(byRows)).toBe(lines.join(""));
    const byChars: CsvBlock[] = [];
    for await (const block of encodeCsvBlocks(rows, { maxRows: 1e9, maxChars: 1, isJoined: true })) byChars.push(block);
    expect(byChars.map((b) => b.rows)).toEqual(new Array(12).fill(1));
    expect(byChars.map((b) => b.parts)).toEqual(lines.map((line) => [line]));
  });
});

describeEachDb("bulk session COPY", (kind) => {
  const create = "create table copy_probe (id int primary key, label text, amount bigint, detail jsonb)";
  const read = async (handle: Awaited<ReturnType<typeof createTestDb>>) =>
    handle.raw<{ id: number; label: string | null; amount: string; detail: unknown }>(
      "select id, label, amount::text as amount, detail from copy_probe order by id",
    );

  it("round-trips awkward values across block boundaries, by rows and by pre-encoded blocks", async () => {
    const handle = await createTestDb(kind);
    try {
      await handle.raw(create);
      const rows = rowsOf(23);
      const progress: number[] = [];
      const copied = await withBulkTransaction(handle, (session) =>
        session.copyRows({
          table: "copy_probe",
          columns: ["id", "label", "amount", "detail"],
          rows,
          chunkSize: 10,
          onProgress: (n) => {
            progress.push(n);
          },
        }),
      );
      expect(copied).toBe(23);
      expect(progress.at(-1)).toBe(23);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      const stored = await read(handle);
      expect(stored.map((r) => [r.id, r.label, BigInt(r.amount), r.detail])).toEqual(rows);

      await handle.raw("truncate copy_probe");
      const blocks: CsvBlock[] = [];
      for await (const block of encodeCsvBlocks(rows, { maxRows: 7, maxChars: 1e9, isJoined: false }))
        blocks.push(block);
      const again = await withBulkTransaction(handle, (session) =>
        session.copyCsv({ table: "copy_probe", columns: ["id", "label", "amount", "detail"], blocks }),
      );
      expect(again).toBe(23);
      expect(await read(handle)).toEqual(stored);
    } finally {
      await handle.close();
    }
  });

  it("keeps nothing of a COPY whose transaction fails after it", async () => {
    const handle = await createTestDb(kind);
    try {
      await handle.raw(create);
      await expect(
        withBulkTransaction(handle, async (session) => {
          await session.copyRows({
            table: "copy_probe",
            columns: ["id", "label", "amount", "detail"],
            rows: rowsOf(30),
            chunkSize: 10,
          });
          throw new Error("fails after the copy");
        }),
      ).rejects.toThrow("fails after the copy");
      expect(await read(handle)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  describe("when the COPY fails", () => {
    let handle: Awaited<ReturnType<typeof createTestDb>>;
    beforeAll(async () => {
      handle = await createTestDb(kind);
      await handle.raw(create);
    });
    afterAll(async () => handle.close());

    it.each([
      ["a value beyond bigint", '1,"x",99999999999999999999,\n'],
      ["a NUL byte in text", '1,"a\u0000b",1,\n'],
      ["a primary key violated at the end of the COPY", '1,"x",1,\n1,"y",2,\n'],
      ["a malformed CSV line", '1,"unclosed,1,\n'],
    ])("ends a commit whose COPY fails on %s: rolled back, connection released, nothing kept", async (_case, line) => {
      {
        await handle.raw("truncate copy_probe");
        await handle.raw(`insert into copy_probe (id, label, amount) values (100, 'before', 1)`);
        const failingCommit = () =>
          withBulkTransaction(handle, async (session) => {
            await session.raw(`insert into copy_probe (id, label, amount) values (101, 'inside', 2)`);
            // Many blocks, so the server's error arrives while rows are still being written, then the bad line.
            const blocks: CsvBlock[] = [
              ...Array.from({ length: 50 }, (_, i) => ({ parts: [toCopyCsvLine([1000 + i, "ok", 1, null])], rows: 1 })),
              { parts: [line], rows: 1 },
            ];
            return session.copyCsv({ table: "copy_probe", columns: ["id", "label", "amount", "detail"], blocks });
          });
        // More failures than the bulk client has connections: a leaked one would make the next commit wait forever.
        for (let attempt = 0; attempt < 3; attempt++) await expect(failingCommit()).rejects.toThrow();
        const copied = await withBulkTransaction(handle, (session) =>
          session.copyRows({ table: "copy_probe", columns: ["id", "label", "amount", "detail"], rows: rowsOf(3) }),
        );
        expect(copied).toBe(3);
        expect((await read(handle)).map((row) => row.id)).toEqual([1, 2, 3, 100]);
      }
    });
  });
});
