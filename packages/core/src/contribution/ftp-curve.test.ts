import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../policy/default-policy";
import type { Policy } from "../policy/policy-schema";
import { calculateContributions } from "./calculate-contribution";
import { resolveFtpCurve, type FtpCurvePoint } from "./ftp-curve";

/** DOMAIN.md's worked example: flat 3.00 % loan FTP and 2.00 % deposit FTP on the policy's own curve. */
const FLAT_POLICY: Policy = {
  ...DEFAULT_POLICY,
  ftp: { loan: [{ maxTermMonths: null, rate: 3.0 }], deposit: [{ maxTermMonths: null, rate: 2.0 }] },
};

const point = (p: Partial<FtpCurvePoint>): FtpCurvePoint => ({
  side: "loan",
  maxTermMonths: 12,
  ratePct: "3.10",
  effectiveFrom: "2025-01-01",
  batchId: "b-2025",
  ...p,
});

const POINTS: FtpCurvePoint[] = [
  point({ maxTermMonths: 12, ratePct: "3.10", effectiveFrom: "2025-01-01", batchId: "b-2025" }),
  point({ maxTermMonths: null, ratePct: "3.60", effectiveFrom: "2025-01-01", batchId: "b-2025" }),
  point({ maxTermMonths: 12, ratePct: "2.90", effectiveFrom: "2026-01-01", batchId: "b-2026" }),
];

const INPUTS = {
  loans: [
    { loanId: "L1", customerId: "C1", avgDailyBalanceFen: 1_000_000_000n, ratePct: "5.00", termMonths: 12, days: 360 },
  ],
  deposits: [
    { accountId: "D1", customerId: "C1", avgDailyBalanceFen: 500_000_000n, ratePct: "0.35", termMonths: 0, days: 360 },
  ],
  fees: [],
};

describe("resolveFtpCurve", () => {
  it("takes per bucket the latest uploaded point not after the period start, the policy's curve for a side without one", () => {
    const { curve, source } = resolveFtpCurve({
      policy: FLAT_POLICY,
      policyVersion: 4,
      points: POINTS,
      periodStart: "2025-04-01",
    });
    expect(curve.loan).toEqual([
      { maxTermMonths: 12, rate: "3.10", source: "upload:b-2025" },
      { maxTermMonths: null, rate: "3.60", source: "upload:b-2025" },
    ]);
    expect(curve.deposit).toEqual([{ maxTermMonths: null, rate: 2.0, source: "policy:v4" }]);
    expect(source.loan).toMatchObject({ kind: "upload", batchIds: ["b-2025"] });
    expect(source.deposit).toEqual({ kind: "policy", policyVersion: 4 });
  });

  it("uses a curve from its effective date on: 2026's 12-month point prices 2026, not 2025", () => {
    const { curve, source } = resolveFtpCurve({
      policy: FLAT_POLICY,
      policyVersion: 4,
      points: POINTS,
      periodStart: "2026-01-01",
    });
    expect(curve.loan[0]).toEqual({ maxTermMonths: 12, rate: "2.90", source: "upload:b-2026" });
    expect(curve.loan[1]).toEqual({ maxTermMonths: null, rate: "3.60", source: "upload:b-2025" });
    expect(source.loan).toMatchObject({ kind: "upload", batchIds: ["b-2025", "b-2026"] });
  });

  it("falls back to the policy's curve when treasury published nothing by the period start", () => {
    const { curve, source } = resolveFtpCurve({
      policy: FLAT_POLICY,
      policyVersion: 4,
      points: POINTS,
      periodStart: "2024-10-01",
    });
    expect(curve.loan).toEqual([{ maxTermMonths: null, rate: 3.0, source: "policy:v4" }]);
    expect(source.loan).toEqual({ kind: "policy", policyVersion: 4 });
  });

  it("holds the longest uploaded bucket flat beyond its term when treasury gave no open-ended bucket", () => {
    const { curve } = resolveFtpCurve({
      policy: FLAT_POLICY,
      policyVersion: 4,
      points: [POINTS[0]!],
      periodStart: "2025-01-01",
    });
    expect(curve.loan).toEqual([
      { maxTermMonths: 12, rate: "3.10", source: "upload:b-2025" },
      { maxTermMonths: null, rate: "3.10", source: "upload:b-2025" },
    ]);
  });

  it("prices DOMAIN.md's loan at the uploaded 3.10 %: 10,000,000 × (5.00 % × 0.945 − 3.10 %) = 162,500 CNY", () => {
    const { curve } = resolveFtpCurve({
      policy: FLAT_POLICY,
      policyVersion: 4,
      points: POINTS,
      periodStart: "2025-01-01",
    });
    const c = calculateContributions(INPUTS, FLAT_POLICY, curve).get("C1")!;
    expect(c.loanFen).toBe(16_250_000n);
    // The deposit side stays on the policy's 2.00 %: 5,000,000 × (2.00 % − 0.35 %) = 82,500 CNY.
    expect(c.depositFen).toBe(8_250_000n);
    const loanLine = c.accounts.find((a) => a.side === "loan")!;
    expect(loanLine.ftp).toEqual({ bucketIndex: 0, maxTermMonths: 12, ratePct: "3.10", source: "upload:b-2025" });
    expect(calculateContributions(INPUTS, FLAT_POLICY).get("C1")!.loanFen).toBe(17_250_000n);
  });
});
