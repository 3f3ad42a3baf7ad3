import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { createTestDb, describeEachDb } from "../testing";
import { sqlLiteral } from "../sql-literal";
import { decodeCopyField, readCopyRows } from "./copy-out";

describe("decodeCopyField", () => {
  it("reads COPY's text escapes and its NULL marker", () => {
    expect(decodeCopyField("plain")).toBe("plain");
    expect(decodeCopyField("\\N")).toBeNull();
    expect(decodeCopyField("a\\tb\\nc\\\\d")).toBe("a\tb\nc\\d");
    expect(decodeCopyField("\\x41\\101")).toBe("AA");
  });
});

describe("sqlLiteral", () => {
  it("doubles quotes and refuses NUL", () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(() => sqlLiteral("a\0b")).toThrow(RangeError);
  });
});

describeEachDb("readCopyRows", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb(kind);
  }, 120_000);
  afterAll(() => handle.close());

  it("gives back every row and value the select returns, awkward text and NULL included", async () => {
    const awkward = "tab\there, line\nbreak, back\\slash, 中国工商银行, it's";
    const select = `select g as n, case when g % 2 = 0 then null else ${sqlLiteral(awkward)} end as text
                      from generate_series(1, 30000) g order by g`;
    const rows: (string | null)[][] = [];
    for await (const chunk of readCopyRows(handle, select)) rows.push(...chunk);
    expect(rows).toHaveLength(30_000);
    expect(rows[0]).toEqual(["1", awkward]);
    expect(rows[1]).toEqual(["2", null]);
    expect(rows.at(-1)).toEqual(["30000", null]);
    // The handle's own connections are untouched by the COPY's.
    expect(await handle.raw<{ one: number }>("select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("reads an empty result as no rows", async () => {
    const rows: unknown[] = [];
    for await (const chunk of readCopyRows(handle, "select 1 where false")) rows.push(...chunk);
    expect(rows).toEqual([]);
  });
});
