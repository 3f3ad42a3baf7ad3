import type { FtpBucket } from "../policy/policy-schema";

/** The FTP bucket an account used, so its contribution can be explained. Rate in annual percent. */
export type FtpSelection = { bucketIndex: number; maxTermMonths: number | null; ratePct: string };

/**
 * Index of the first bucket whose `maxTermMonths` is ≥ the account's term in months (null = no bound),
 * so demand deposits (term 0) take the first bucket. The schema guarantees a catch-all last bucket.
 */
export function findFtpBucketIndex(curve: readonly FtpBucket[], termMonths: number): number {
  for (let index = 0; index < curve.length; index++) {
    const maxTermMonths = curve[index]!.maxTermMonths;
    if (maxTermMonths === null || termMonths <= maxTermMonths) return index;
  }
  throw new RangeError(
    `FTP curve has no bucket for a term of ${termMonths} months (the last bucket must have maxTermMonths: null)`,
  );
}

/** The bucket at `index` described for the breakdown. */
export function describeFtpBucket(curve: readonly FtpBucket[], index: number): FtpSelection {
  const bucket = curve[index]!;
  return { bucketIndex: index, maxTermMonths: bucket.maxTermMonths, ratePct: String(bucket.rate) };
}

/** The FTP bucket for an account's term in months (see findFtpBucketIndex), with its annual-percent rate. */
export function selectFtpBucket(curve: readonly FtpBucket[], termMonths: number): FtpSelection {
  return describeFtpBucket(curve, findFtpBucketIndex(curve, termMonths));
}
