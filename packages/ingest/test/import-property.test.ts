import type { DbHandle } from "@creditseg/db";
import { createTestDb } from "@creditseg/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitImport } from "../src/commit/commit-import";
import { REASONS } from "../src/reasons";
import type { ImportReport } from "../src/report/import-report";
import { bufferSource } from "../src/source";
import { loadFixtureCustomers } from "../src/testing/fixtures";
import { LOAN_HEADER, loanLine } from "../src/testing/hostile-corpus";

const actor = { id: null };
const COLUMNS = LOAN_HEADER.split(",");

/** A commit, an "already loaded", or a refusal whose every reason is a named code: never anything else. */
function expectNamedOutcome(report: ImportReport): void {
  expect(["committed", "duplicate", "rejected"]).toContain(report.status);
  for (const reject of [...report.fileRejects, ...report.rejects, ...report.warnings])
    expect(REASONS).toHaveProperty(reject.code);
  if (report.status === "rejected") expect(report.fileRejects.length + report.rejects.length).toBeGreaterThan(0);
}

/** Any text a hostile upstream might put in a cell: unicode, controls, bidi marks, quotes, huge numbers. */
const cellText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "99999999999999999999",
    "-0",
    "1e20",
    "0.0435",
    "",
    '"',
    "\u0000",
    "\u202e",
    "=1+1",
    "(1,000)",
    "2099-01-01",
  ),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

describe("any bytes, CSV shape or cell value ends in a commit or a named refusal", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb("pglite");
    await loadFixtureCustomers(handle);
  });
  afterAll(async () => handle.close());

  const importBytes = (bytes: Uint8Array, isAcceptValid: boolean) =>
    commitImport({
      handle,
      kind: "loans",
      period: "2025",
      file: bufferSource("random.csv", bytes),
      options: { isAcceptValid, budgets: { maxRejectedRows: 50 } },
      actor,
    });

  it("random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.boolean(), async (bytes, isAcceptValid) => {
        expectNamedOutcome(await importBytes(bytes, isAcceptValid));
      }),
      { numRuns: 25 },
    );
  });

  it("random CSV shapes: rows of random widths and delimiters under the loan header", async () => {
    const shape = fc.record({
      delimiter: fc.constantFrom(",", ";", "\t", "|"),
      rows: fc.array(fc.array(cellText, { maxLength: 16 }), { maxLength: 8 }),
      lineBreak: fc.constantFrom("\n", "\r\n", "\r"),
    });
    await fc.assert(
      fc.asyncProperty(shape, fc.boolean(), async ({ delimiter, rows, lineBreak }, isAcceptValid) => {
        const text = [COLUMNS.join(delimiter), ...rows.map((row) => row.join(delimiter))].join(lineBreak);
        expectNamedOutcome(await importBytes(Buffer.from(text, "utf8"), isAcceptValid));
      }),
      { numRuns: 25 },
    );
  });

  it("random values in each column of otherwise valid loan rows", async () => {
    const row = fc.record({
      column: fc.constantFrom(...COLUMNS),
      value: cellText,
      id: fc.integer({ min: 1, max: 1e6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), fc.boolean(), async (rows, isAcceptValid) => {
        const lines = rows.map(({ column, value, id }) => loanLine(`LP${id}`, { [column]: value }));
        expectNamedOutcome(await importBytes(Buffer.from(`${[LOAN_HEADER, ...lines].join("\n")}\n`), isAcceptValid));
      }),
      { numRuns: 30 },
    );
  });
});
