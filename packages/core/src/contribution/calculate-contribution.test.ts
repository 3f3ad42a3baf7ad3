import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import type { Policy } from "../policy/policy-schema";
import {
  calculateContributions,
  calculateDepositContribution,
  calculateLoanContribution,
  createAccountPricer,
  createContributionTotals,
  type DepositAccountInput,
  type LoanAccountInput,
} from "./calculate-contribution";
import { selectFtpBucket } from "./select-ftp-bucket";

/** docs/DOMAIN.md's worked example uses a flat 3.00 % loan FTP and 2.00 % deposit FTP. */
const FLAT_POLICY: Policy = {
  ...DEFAULT_POLICY,
  ftp: { loan: [{ maxTermMonths: null, rate: 3.0 }], deposit: [{ maxTermMonths: null, rate: 2.0 }] },
};

const loan = (overrides: Partial<LoanAccountInput> = {}): LoanAccountInput => ({
  loanId: "L1",
  customerId: "C1",
  avgDailyBalanceFen: 1_000_000_000n,
  ratePct: "5.00",
  termMonths: 12,
  days: 360,
  ...overrides,
});
const deposit = (overrides: Partial<DepositAccountInput> = {}): DepositAccountInput => ({
  accountId: "D1",
  customerId: "C1",
  avgDailyBalanceFen: 500_000_000n,
  ratePct: "0.35",
  termMonths: 0,
  days: 360,
  ...overrides,
});

describe("docs/DOMAIN.md worked example", () => {
  it("gives 172,500 + 82,500 + 20,000 = 275,000 CNY to the fen", () => {
    const result = calculateContributions(
      { loans: [loan()], deposits: [deposit()], fees: [{ lineKey: "F1", customerId: "C1", amountFen: 2_000_000n }] },
      FLAT_POLICY,
    ).get("C1")!;
    expect(result.loanFen).toBe(17_250_000n);
    expect(result.depositFen).toBe(8_250_000n);
    expect(result.feeFen).toBe(2_000_000n);
    expect(result.totalFen).toBe(27_500_000n);
    const loanAccount = result.accounts.find((a) => a.side === "loan")!;
    expect(loanAccount).toMatchObject({
      ratePct: "5.00",
      taxRatePct: "5.5",
      dayCountBasis: 360,
      days: 360,
      marginPct: "1.725",
      ftp: { bucketIndex: 0, maxTermMonths: null, ratePct: "3" },
    });
    expect(result.accounts.find((a) => a.side === "deposit")!.marginPct).toBe("1.65");
  });
});

describe("calculateLoanContribution", () => {
  it.each([
    ["positive margin", loan(), 17_250_000n],
    [
      "zero margin: 4.00 % × (1 − 5.5 %) = 3.78 % FTP",
      loan({ ratePct: "4.00" }),
      0n,
      { ...FLAT_POLICY, ftp: { ...FLAT_POLICY.ftp, loan: [{ maxTermMonths: null, rate: 3.78 }] } },
    ],
    ["negative margin: rate below FTP", loan({ ratePct: "2.5" }), -6_375_000n],
    ["zero balance", loan({ avgDailyBalanceFen: 0n }), 0n],
    ["zero days", loan({ days: 0 }), 0n],
    ["half a year", loan({ days: 180 }), 8_625_000n],
    ["365-day basis", loan(), 17_013_699n, { ...FLAT_POLICY, dayCountBasis: 365 as const }],
  ])("%s", (_name, input, expected, policy: Policy = FLAT_POLICY) => {
    expect(calculateLoanContribution(input, policy).contributionFen).toBe(expected);
  });

  it("rounds half to even at exactly half a fen", () => {
    // No tax and FTP 0, so margin = rate: 10,000 fen × 1.8 % × 25 ÷ 360 = 12.5 fen → 12; × 35 days = 17.5 → 18.
    const policy: Policy = {
      ...FLAT_POLICY,
      taxRate: 0,
      ftp: { ...FLAT_POLICY.ftp, loan: [{ maxTermMonths: null, rate: 0 }] },
    };
    expect(
      calculateLoanContribution(loan({ avgDailyBalanceFen: 10_000n, ratePct: "1.8", days: 25 }), policy)
        .contributionFen,
    ).toBe(12n);
    expect(
      calculateLoanContribution(loan({ avgDailyBalanceFen: 10_000n, ratePct: "1.8", days: 35 }), policy)
        .contributionFen,
    ).toBe(18n);
    expect(
      calculateLoanContribution(loan({ avgDailyBalanceFen: -10_000n, ratePct: "1.8", days: 25 }), policy)
        .contributionFen,
    ).toBe(-12n);
  });
});

describe("calculateDepositContribution", () => {
  it.each([
    ["demand deposit", deposit(), 8_250_000n],
    ["zero margin", deposit({ ratePct: "2" }), 0n],
    ["negative margin: rate above FTP", deposit({ ratePct: "2.5" }), -2_500_000n],
    ["365-day period on a 360 basis", deposit({ days: 365 }), 8_364_583n],
  ])("%s", (_name, input, expected) => {
    expect(calculateDepositContribution(input, FLAT_POLICY).contributionFen).toBe(expected);
  });
});

describe("selectFtpBucket (default curve)", () => {
  it.each([
    ["deposit", 0, 0, "1.2"],
    ["deposit", 1, 1, "1.4"],
    ["deposit", 3, 1, "1.4"],
    ["deposit", 12, 3, "1.8"],
    ["deposit", 60, 5, "2.3"],
    ["loan", 6, 0, "2"],
    ["loan", 7, 1, "2.2"],
    ["loan", 60, 3, "2.8"],
    ["loan", 61, 4, "3.2"],
  ] as const)("%s term %s months → bucket %s at %s %%", (side, term, bucketIndex, ratePct) => {
    expect(selectFtpBucket(DEFAULT_POLICY.ftp[side], term)).toMatchObject({ bucketIndex, ratePct });
  });
});

const rateArb = fc.integer({ min: 0, max: 1200 }).map((bp) => (bp / 100).toFixed(2));
const loanArb = fc.record({
  loanId: fc.uuid(),
  customerId: fc.constantFrom("A", "B", "C"),
  avgDailyBalanceFen: fc.bigInt({ min: 0n, max: 100_000_000_000n }),
  ratePct: rateArb,
  termMonths: fc.integer({ min: 0, max: 240 }),
  days: fc.integer({ min: 0, max: 366 }),
});
const depositArb = fc.record({
  accountId: fc.uuid(),
  customerId: fc.constantFrom("A", "B", "C"),
  avgDailyBalanceFen: fc.bigInt({ min: 0n, max: 100_000_000_000n }),
  ratePct: rateArb,
  termMonths: fc.integer({ min: 0, max: 60 }),
  days: fc.integer({ min: 0, max: 366 }),
});

describe("contribution properties", () => {
  it("the account pricer gives every account the figure of its traced contribution", () => {
    fc.assert(
      fc.property(fc.array(loanArb, { maxLength: 20 }), fc.array(depositArb, { maxLength: 20 }), (loans, deposits) => {
        for (const policy of [DEFAULT_POLICY, FLAT_POLICY]) {
          const price = createAccountPricer(policy);
          for (const l of loans)
            expect(price("loan", l.avgDailyBalanceFen, l.ratePct, l.termMonths, l.days)).toBe(
              calculateLoanContribution(l, policy).contributionFen,
            );
          for (const d of deposits)
            expect(price("deposit", d.avgDailyBalanceFen, d.ratePct, d.termMonths, d.days)).toBe(
              calculateDepositContribution(d, policy).contributionFen,
            );
        }
      }),
    );
  });

  it("streamed totals equal calculateContributions' sums for every customer", () => {
    fc.assert(
      fc.property(fc.array(loanArb, { maxLength: 20 }), fc.array(depositArb, { maxLength: 20 }), (loans, deposits) => {
        const fees = loans.map((l, i) => ({ lineKey: `F${i}`, customerId: l.customerId, amountFen: BigInt(i * 101) }));
        const sums = createContributionTotals(DEFAULT_POLICY);
        for (const l of loans)
          sums.addAccount("loan", l.customerId, l.avgDailyBalanceFen, l.ratePct, l.termMonths, l.days);
        for (const d of deposits)
          sums.addAccount("deposit", d.customerId, d.avgDailyBalanceFen, d.ratePct, d.termMonths, d.days);
        for (const f of fees) sums.addFee(f.customerId, f.amountFen);
        const expected = calculateContributions({ loans, deposits, fees }, DEFAULT_POLICY);
        expect(sums.totals.size).toBe(expected.size);
        for (const [customerId, c] of expected)
          expect(sums.totals.get(customerId)).toEqual({
            depositFen: c.depositFen,
            loanFen: c.loanFen,
            feeFen: c.feeFen,
            totalFen: c.totalFen,
          });
      }),
    );
  });

  it("a customer's total is the sum of its accounts' rounded figures plus fees", () => {
    fc.assert(
      fc.property(fc.array(loanArb, { maxLength: 20 }), fc.array(depositArb, { maxLength: 20 }), (loans, deposits) => {
        const results = calculateContributions({ loans, deposits, fees: [] }, DEFAULT_POLICY);
        for (const result of results.values()) {
          const separately = [
            ...loans
              .filter((l) => l.customerId === result.customerId)
              .map((l) => calculateLoanContribution(l, DEFAULT_POLICY).contributionFen),
            ...deposits
              .filter((d) => d.customerId === result.customerId)
              .map((d) => calculateDepositContribution(d, DEFAULT_POLICY).contributionFen),
          ];
          expect(result.totalFen).toBe(separately.reduce((s, v) => s + v, 0n));
        }
      }),
    );
  });

  it("is additive: splitting the accounts in two parts and adding the parts gives the whole", () => {
    fc.assert(
      fc.property(
        fc.array(loanArb, { maxLength: 20 }),
        fc.array(depositArb, { maxLength: 20 }),
        fc.nat(20),
        (loans, deposits, cut) => {
          const whole = calculateContributions({ loans, deposits, fees: [] }, DEFAULT_POLICY);
          const first = calculateContributions(
            { loans: loans.slice(0, cut), deposits: deposits.slice(0, cut), fees: [] },
            DEFAULT_POLICY,
          );
          const second = calculateContributions(
            { loans: loans.slice(cut), deposits: deposits.slice(cut), fees: [] },
            DEFAULT_POLICY,
          );
          for (const [customerId, result] of whole) {
            expect(result.totalFen).toBe(
              (first.get(customerId)?.totalFen ?? 0n) + (second.get(customerId)?.totalFen ?? 0n),
            );
          }
        },
      ),
    );
  });

  it("does not depend on row order", () => {
    fc.assert(
      fc.property(
        fc
          .array(loanArb, { maxLength: 20 })
          .chain((loans) => fc.tuple(fc.constant(loans), fc.shuffledSubarray(loans, { minLength: loans.length }))),
        fc
          .array(depositArb, { maxLength: 20 })
          .chain((deposits) =>
            fc.tuple(fc.constant(deposits), fc.shuffledSubarray(deposits, { minLength: deposits.length })),
          ),
        ([loans, shuffledLoans], [deposits, shuffledDeposits]) => {
          const a = calculateContributions({ loans, deposits, fees: [] }, DEFAULT_POLICY);
          const b = calculateContributions(
            { loans: shuffledLoans, deposits: shuffledDeposits, fees: [] },
            DEFAULT_POLICY,
          );
          expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
          for (const [customerId, result] of a) {
            const other = b.get(customerId)!;
            expect([other.loanFen, other.depositFen, other.totalFen]).toEqual([
              result.loanFen,
              result.depositFen,
              result.totalFen,
            ]);
          }
        },
      ),
    );
  });
});
