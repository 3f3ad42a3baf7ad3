import type { Db } from "@creditseg/db";
import { describe, expect, it } from "vitest";
import { createMemo } from "./memo-cache";

const dbA = {} as Db;
const dbB = {} as Db;

describe("createMemo", () => {
  it("shares one computation between concurrent callers of a key, per database", async () => {
    const memo = createMemo<number>({ limit: 10 });
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([memo(dbA, "k", Infinity, compute), memo(dbA, "k", Infinity, compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await memo(dbB, "k", Infinity, compute)).toBe(2);
  });

  it("forgets a failed computation so the next call retries", async () => {
    const memo = createMemo<number>({ limit: 10 });
    await expect(memo(dbA, "k", Infinity, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memo(dbA, "k", Infinity, async () => 7)).toBe(7);
  });

  it("recomputes expired entries, evicts the oldest when full, and forgets everything on clear", async () => {
    const memo = createMemo<string>({ limit: 2 });
    expect(await memo(dbA, "old", 0, async () => "first")).toBe("first");
    expect(await memo(dbA, "old", Infinity, async () => "second")).toBe("second");
    await memo(dbA, "b", Infinity, async () => "b");
    await memo(dbA, "c", Infinity, async () => "c");
    expect(await memo(dbA, "old", Infinity, async () => "recomputed")).toBe("recomputed");
    memo.clear();
    expect(await memo(dbA, "c", Infinity, async () => "fresh")).toBe("fresh");
  });
});
