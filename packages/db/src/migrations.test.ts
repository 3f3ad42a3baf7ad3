import { afterEach, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { migrateDb } from "./migrate";
import { createUnmigratedTestDb, describeEachDb, migrateDbThrough } from "./testing";

describeEachDb("migration 0008: import rejects keep codes and parameters", (kind) => {
  let handle: DbHandle | null = null;
  afterEach(async () => {
    await handle?.close();
    handle = null;
  });

  it("turns the stored messages of older rejects into parameters and drops the sentences", async () => {
    handle = await createUnmigratedTestDb(kind);
    await migrateDbThrough(handle, "0006_jobs_data_version_rate_limits");
    const [batch] = await handle.raw<{ id: string }>(
      `insert into import_batches (kind, period, file_name, checksum, status)
       values ('loans', '2025', 'loans.csv', 'c0ffee', 'committed') returning id`,
    );
    // Rows as the release before this migration wrote them: the reason's sentence, a detail after ": " / "：".
    const old: [string, string, string][] = [
      ["duplicate_key_in_file", "文件内主键重复：与第 3 行重复", "duplicate key within the file: same as row 3"],
      ["invalid_number", "不是有效的数字：最多 4 位小数", "not a valid number: at most 4 decimals"],
      [
        "truncated_row",
        "该行的单元格少于表头（行被截断）：2 / 5",
        "the row has fewer cells than the header (truncated): 2 / 5",
      ],
      ["days_exceed_period", "天数超过考核期的天数：400 > 366", "days exceed the length of the period: 400 > 366"],
      ["invalid_choice", "不是允许的取值：是/否", "not one of the allowed values: yes/no"],
      ["missing_value", "必填值为空", "a required value is empty"],
      ["retired_code", "旧原因", "an old reason"],
    ];
    for (const [i, [code, zh, en]] of old.entries())
      await handle.raw(
        `insert into import_rejects (batch_id, row_number, "column", value, reason_code, message_zh, message_en)
         values ($1, $2, 'rate', 'x', $3, $4, $5)`,
        [batch!.id, i + 2, code, zh, en],
      );

    await migrateDb(handle);

    const rows = await handle.raw<{ reason_code: string; params: unknown }>(
      "select reason_code, params from import_rejects order by row_number",
    );
    expect(rows.map((row) => [row.reason_code, row.params])).toEqual([
      ["duplicate_key_in_file", { firstRow: 3 }],
      ["invalid_number", { decimals: 4 }],
      ["truncated_row", { cells: 2, headerCells: 5 }],
      ["days_exceed_period", { days: 400, maxDays: 366 }],
      ["invalid_choice", { detail: "yes/no" }],
      ["missing_value", {}],
      ["retired_code", { detail: "an old reason" }],
    ]);
    const columns = await handle.raw<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'import_rejects' order by column_name",
    );
    expect(columns.map((c) => c.column_name)).not.toContain("message_zh");
    expect(columns.map((c) => c.column_name)).not.toContain("message_en");
  });
});
