import type { FtpBucket } from "../policy/policy-schema";

/** One bucket of the curve a run prices on: a policy bucket or an uploaded treasury point, with where it came from. */
export type PricingBucket = Pick<FtpBucket, "maxTermMonths"> & {
  /** Annual percent, as text or as the policy's number. */
  rate: FtpBucket["rate"] | string;
  /** `upload:<batch id>` for a treasury upload, `policy:v<N>` (or `policy` when the version is not known) otherwise. */
  source: string;
};

/** The FTP bucket an account used, so its contribution can be explained. Rate in annual percent. */
export type FtpSelection = { bucketIndex: number; maxTermMonths: number | null; ratePct: string; source: string };

/**
 * Index of the first bucket whose `maxTermMonths` is ≥ the account's term in months (null = no bound),
 * so demand deposits (term 0) take the first bucket. Curves end with a catch-all bucket (schema / resolveFtpCurve).
 */
export function findFtpBucketIndex(curve: readonly Pick<FtpBucket, "maxTermMonths">[], termMonths: number): number {
  for (let index = 0; index < curve.length; index++) {
    const maxTermMonths = curve[index]!.maxTermMonths;
    if (maxTermMonths === null || termMonths <= maxTermMonths) return index;
  }
  throw new RangeError(
    `FTP curve has no bucket for a term of ${termMonths} months (the last bucket must have maxTermMonths: null)`,
  );
}

/** The bucket at `index` described for the breakdown. */
export function describeFtpBucket(
  curve: readonly (FtpBucket | PricingBucket)[],
  index: number,
  fallbackSource = "policy",
): FtpSelection {
  const bucket = curve[index]!;
  return {
    bucketIndex: index,
    maxTermMonths: bucket.maxTermMonths,
    ratePct: String(bucket.rate),
    source: "source" in bucket ? bucket.source : fallbackSource,
  };
}

/** The FTP bucket for an account's term in months (see findFtpBucketIndex), with its annual-percent rate. */
export function selectFtpBucket(curve: readonly (FtpBucket | PricingBucket)[], termMonths: number): FtpSelection {
  return describeFtpBucket(curve, findFtpBucketIndex(curve, termMonths));
}
