import { describe, expect, it } from "vitest";
import type { LoanRecord } from "../records";
import { classificationAt, LoanColumnsBuilder, tallyLoanColumns, toLoanColumns } from "./loan-columns";

const loan = (
  customerId: string,
  balanceYuan: number,
  classification: LoanRecord["classification"] = "normal",
): LoanRecord => ({
  loanId: `L-${customerId}-${balanceYuan}`,
  customerId,
  product: "working_capital",
  amountFen: BigInt(balanceYuan) * 200n,
  ratePct: "4.35",
  termMonths: 12,
  startDate: "2025-01-01",
  maturityDate: "2026-01-01",
  guarantee: "credit",
  classification,
  avgDailyBalanceFen: BigInt(balanceYuan) * 100n,
  days: 365,
});

const CUSTOMERS = ["A", "B", "C"];
const indexOf = (id: string) => CUSTOMERS.indexOf(id);

describe("loan columns", () => {
  it("keep each loan's customer, exact balance, class and clustering features in reading order", () => {
    const columns = toLoanColumns(
      [loan("B", 300, "doubtful"), loan("A", 100)],
      ["rate", "amount", "term_months"],
      indexOf,
    );
    expect(columns.length).toBe(2);
    expect([...columns.customerIndex]).toEqual([1, 0]);
    expect([...columns.balanceFen]).toEqual([30_000n, 10_000n]);
    expect([classificationAt(columns, 0), classificationAt(columns, 1)]).toEqual(["doubtful", "normal"]);
    // rate %, amount CNY, term months; weight = balance CNY.
    expect([...columns.features]).toEqual([4.35, 600, 12, 4.35, 200, 12]);
    expect([...columns.weights]).toEqual([300, 100]);
  });

  it("grow past the capacity they were given without losing a loan", () => {
    const builder = new LoanColumnsBuilder(["amount"], 1);
    for (let i = 1; i <= 5; i++) builder.push(loan("A", i), 0);
    const columns = builder.finish();
    expect([...columns.balanceFen]).toEqual([100n, 200n, 300n, 400n, 500n]);
    expect([...columns.features]).toEqual([2, 4, 6, 8, 10]);
  });

  it("refuse a balance an int64 cannot hold and an unknown class, rather than store another value", () => {
    const builder = new LoanColumnsBuilder([]);
    expect(() => builder.push({ ...loan("A", 1), avgDailyBalanceFen: 2n ** 63n }, 0)).toThrow(/int64/);
    expect(() => builder.push({ ...loan("A", 1), classification: "bad" as never }, 0)).toThrow(/classification/);
  });
});

describe("tallyLoanColumns", () => {
  it("counts, sums and takes the worst class per customer; the benefit segment holds most balance, ties to the lower cluster", () => {
    const columns = toLoanColumns(
      [
        loan("A", 100),
        loan("A", 300, "substandard"),
        loan("A", 200),
        loan("A", 200, "special_mention"),
        loan("B", 0),
        loan("B", 50),
      ],
      [],
      indexOf,
    );
    // A: cluster 1 holds 300, cluster 2 holds 100 + 200 = 300 → tie, lower index 1. B: its only clustered loan has 0 balance.
    const tallies = tallyLoanColumns(columns, Int32Array.from([2, 1, 2, -1, 0, -1]), 3, 3);
    expect([...tallies.count]).toEqual([4, 2, 0]);
    expect(tallies.balanceFen).toEqual([80_000n, 5_000n, 0n]);
    expect([...tallies.worstIndex]).toEqual([2, 0, 0]);
    expect([...tallies.benefitCluster]).toEqual([1, 0, -1]);
  });

  it("gives no benefit segment when nothing was clustered", () => {
    const columns = toLoanColumns([loan("A", 100)], [], indexOf);
    expect([...tallyLoanColumns(columns, Int32Array.from([-1]), 3, 0).benefitCluster]).toEqual([-1, -1, -1]);
  });
});
