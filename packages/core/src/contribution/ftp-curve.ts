import type { FtpSide } from "../constants";
import type { Policy } from "../policy/policy-schema";
import type { PricingBucket } from "./select-ftp-bucket";

/** The curve a run prices accounts on, per side, ascending term buckets ending with the catch-all (null) bucket. */
export type PricingCurve = Record<FtpSide, PricingBucket[]>;

/** One uploaded treasury FTP point (a row of `ftp_curves`). Rate in annual percent; dates ISO `YYYY-MM-DD`. */
export type FtpCurvePoint = {
  side: FtpSide;
  /** Inclusive upper bound of the term bucket in months; null = open-ended. */
  maxTermMonths: number | null;
  ratePct: string;
  effectiveFrom: string;
  batchId: string | null;
};

/** Where one side's curve came from, as a run records it (`segment_runs.ftp_source`). */
export type FtpSideSource =
  | { kind: "policy"; policyVersion: number }
  | {
      kind: "upload";
      /** The import batches whose points priced this side, sorted. */
      batchIds: string[];
      buckets: { maxTermMonths: number | null; ratePct: string; effectiveFrom: string; batchId: string | null }[];
    };

/** Which curve priced a run (or would price a preview): per side, the treasury upload or the policy version. */
export type FtpCurveSource = { periodStart: string } & Record<FtpSide, FtpSideSource>;

/** The `source` text each bucket of a policy's own curve carries. */
export const policyCurveSource = (policyVersion: number): string => `policy:v${policyVersion}`;

/** The `source` text each bucket of an uploaded curve carries (`upload:unbatched` for points loaded without an import, e.g. the demo seed). */
export const uploadCurveSource = (batchId: string | null): string => `upload:${batchId ?? "unbatched"}`;

const byTerm = (a: { maxTermMonths: number | null }, b: { maxTermMonths: number | null }) =>
  (a.maxTermMonths ?? Number.POSITIVE_INFINITY) - (b.maxTermMonths ?? Number.POSITIVE_INFINITY);

/** A policy's own curve as a pricing curve (the fallback when treasury uploaded none). */
export function policyPricingCurve(policy: Policy, policyVersion: number): PricingCurve {
  const source = policyCurveSource(policyVersion);
  const sideOf = (side: FtpSide) => policy.ftp[side].map((b) => ({ ...b, source }));
  return { loan: sideOf("loan"), deposit: sideOf("deposit") };
}

/**
 * The uploaded points in force on `periodStart` for one side: per term bucket the point with the latest
 * `effectiveFrom` not after the start. Empty when treasury had published nothing for the side by then.
 */
function pointsInForce(points: readonly FtpCurvePoint[], side: FtpSide, periodStart: string): FtpCurvePoint[] {
  const latest = new Map<number | null, FtpCurvePoint>();
  for (const point of points) {
    if (point.side !== side || point.effectiveFrom > periodStart) continue;
    const held = latest.get(point.maxTermMonths);
    if (!held || point.effectiveFrom > held.effectiveFrom) latest.set(point.maxTermMonths, point);
  }
  return [...latest.values()].sort(byTerm);
}

/**
 * The FTP curve a run of a period prices on (DOMAIN.md "FTP"): per side, treasury's uploaded curve effective at the
 * period's start (per term bucket, the latest `effectiveFrom` not after `periodStart`); the policy's own curve only
 * for a side with no uploaded point in force. An uploaded curve without an open-ended bucket prices longer terms at
 * its longest bucket (matched-maturity FTP held flat beyond the last published term), recorded as the open bucket.
 */
export function resolveFtpCurve(args: {
  policy: Policy;
  policyVersion: number;
  points: readonly FtpCurvePoint[];
  /** ISO date of the period's first day (`parsePeriod(code).start`). */
  periodStart: string;
}): { curve: PricingCurve; source: FtpCurveSource } {
  const fallback = policyPricingCurve(args.policy, args.policyVersion);
  const resolveSide = (side: FtpSide): { buckets: PricingBucket[]; source: FtpSideSource } => {
    const inForce = pointsInForce(args.points, side, args.periodStart);
    if (inForce.length === 0)
      return { buckets: fallback[side], source: { kind: "policy", policyVersion: args.policyVersion } };
    const buckets: PricingBucket[] = inForce.map((p) => ({
      maxTermMonths: p.maxTermMonths,
      rate: p.ratePct,
      source: uploadCurveSource(p.batchId),
    }));
    const longest = buckets[buckets.length - 1]!;
    if (longest.maxTermMonths !== null) buckets.push({ ...longest, maxTermMonths: null });
    return {
      buckets,
      source: {
        kind: "upload",
        batchIds: [...new Set(inForce.flatMap((p) => (p.batchId ? [p.batchId] : [])))].sort(),
        buckets: inForce.map((p) => ({
          maxTermMonths: p.maxTermMonths,
          ratePct: p.ratePct,
          effectiveFrom: p.effectiveFrom,
          batchId: p.batchId,
        })),
      },
    };
  };
  const loan = resolveSide("loan");
  const deposit = resolveSide("deposit");
  return {
    curve: { loan: loan.buckets, deposit: deposit.buckets },
    source: { periodStart: args.periodStart, loan: loan.source, deposit: deposit.source },
  };
}
