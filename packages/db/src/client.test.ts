import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./client";
import { DbUnavailableError } from "./errors";
import { migrateDb } from "./migrate";
import { createTestDb, describeEachDb } from "./testing";

const scratch = mkdtempSync(join(tmpdir(), "creditseg-db-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("createDb", () => {
  it("names an unreachable PostgreSQL without its password", async () => {
    const attempt = createDb({ url: "postgres://someone:secret@127.0.0.1:1/nowhere" });
    await expect(attempt).rejects.toBeInstanceOf(DbUnavailableError);
    await expect(attempt).rejects.toThrow(
      /cannot reach PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/,
    );
  });

  it("names a data directory it cannot create", async () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    await expect(createDb({ pgliteDir: join(file, "pglite") })).rejects.toThrow(
      /embedded database directory .*a-file\/pglite is not writable \(ENOTDIR\)/,
    );
  });

  it("keeps data across restarts and refuses a second process on the same directory", async () => {
    const dir = join(scratch, "pglite");
    const first = await createDb({ pgliteDir: dir });
    await migrateDb(first);
    await first.raw("insert into audit_log (action) values ('test.persisted')");
    const ownLock = readFileSync(`${dir}.lock`, "utf8");
    // Pose as another live process on this host (pid 1 always exists) holding the directory.
    writeFileSync(`${dir}.lock`, `1@${hostname()}`);
    await expect(createDb({ pgliteDir: dir })).rejects.toThrow(/in use by process 1/);
    writeFileSync(`${dir}.lock`, ownLock);
    await first.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const reopened = await createDb({ pgliteDir: dir });
    const rows = await reopened.raw<{ action: string }>("select action from audit_log");
    expect(rows.map((r) => r.action)).toEqual(["test.persisted"]);
    await reopened.close();
  });
});

describeEachDb("schema constraints", (kind) => {
  it("rejects a bad classification, a negative balance and an approver who submitted the policy", async () => {
    const handle = await createTestDb(kind);
    try {
      await handle.raw(
        "insert into customers (customer_id, name, industry, region, size, officer) values ('C1', 'n', 'i', 'r', 'small', 'O001')",
      );
      const loan = (classification: string, balance: number) =>
        handle.raw(
          `insert into loans (period, loan_id, customer_id, product, amount_fen, rate_pct, term_months, start_date, maturity_date, guarantee, classification, avg_daily_balance_fen, days)
           values ('2025', 'L${balance}${classification}', 'C1', 'p', 100, 4.35, 12, '2025-01-01', '2026-01-01', 'credit', $1, $2, 360)`,
          [classification, balance],
        );
      await expect(loan("bad", 100)).rejects.toThrow();
      await expect(loan("normal", -1)).rejects.toThrow(/loans_balance_nonneg/);
      await expect(loan("normal", 100)).resolves.toBeDefined();
      await handle.raw("insert into users (id, name, email, role) values ('u1', 'a', 'a@x', 'risk_manager')");
      await expect(
        handle.raw(
          "insert into policies (version, name, status, document, submitted_by, decided_by) values (9, 'p', 'active', '{}', 'u1', 'u1')",
        ),
      ).rejects.toThrow(/policies_four_eyes/);
    } finally {
      await handle.close();
    }
  });
});

describeEachDb("session time zone", (kind) => {
  it("runs every session in the bank's time zone (BANK_TIME_ZONE, default Asia/Shanghai)", async () => {
    const handle = await createTestDb(kind);
    try {
      const [row] = await handle.raw<{ zone: string; day: string }>(
        "select current_setting('TimeZone') as zone, (timestamptz '2026-03-14 16:30:00+00')::date::text as day",
      );
      // 16:30 UTC on 14 March is 00:30 on 15 March in Beijing.
      expect(row).toEqual({ zone: "Asia/Shanghai", day: "2026-03-15" });
    } finally {
      await handle.close();
    }
  });
});
