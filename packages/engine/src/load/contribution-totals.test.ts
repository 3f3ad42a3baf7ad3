import { calculateContributions, DEFAULT_POLICY, type Policy } from "@creditseg/core";
import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { readContributionTotals } from "./contribution-totals";
import { loadPeriodData } from "./load-period-data";

/** A curve and tax unlike the default's, so both the bucket choice and the margins differ. */
const STEEP: Policy = {
  ...DEFAULT_POLICY,
  taxRate: 12.5,
  ftp: {
    loan: [
      { maxTermMonths: 6, rate: 1.85 },
      { maxTermMonths: 36, rate: 2.9 },
      { maxTermMonths: null, rate: 3.65 },
    ],
    deposit: [
      { maxTermMonths: 0, rate: 1.05 },
      { maxTermMonths: null, rate: 2.45 },
    ],
  },
};

describeEachDb("readContributionTotals", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 400);
  }, 120_000);
  afterAll(() => handle.close());

  it.each([
    ["the default policy", DEFAULT_POLICY],
    ["another curve and tax", STEEP],
  ] as const)("gives every customer the sums calculateContributions gives, to the fen, under %s", async (_, policy) => {
    const data = await loadPeriodData(handle.raw, TEST_PERIOD);
    const expected = calculateContributions(data, policy);
    const totals = await readContributionTotals(handle, { period: TEST_PERIOD, policy });
    expect(totals.size).toBe(expected.size);
    expect(totals.size).toBeGreaterThan(300);
    for (const [customerId, c] of expected)
      expect(totals.get(customerId), customerId).toEqual({
        depositFen: c.depositFen,
        loanFen: c.loanFen,
        feeFen: c.feeFen,
        totalFen: c.totalFen,
      });
  });

  it("reads nothing for a period without data", async () => {
    expect((await readContributionTotals(handle, { period: "1999", policy: DEFAULT_POLICY })).size).toBe(0);
  });
});
