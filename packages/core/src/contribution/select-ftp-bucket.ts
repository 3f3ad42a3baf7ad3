import type { FtpBucket } from "../policy/policy-schema";

/** The FTP bucket an account used, so its contribution can be explained. Rate in annual percent. */
export type FtpSelection = { bucketIndex: number; maxTermMonths: number | null; ratePct: string };

/**
 * Picks the first bucket whose `maxTermMonths` is ≥ the account's term in months (null = no bound),
 * so demand deposits (term 0) take the first bucket. The schema guarantees a catch-all last bucket.
 */
export function selectFtpBucket(curve: readonly FtpBucket[], termMonths: number): FtpSelection {
  for (let index = 0; index < curve.length; index++) {
    const bucket = curve[index]!;
    if (bucket.maxTermMonths === null || termMonths <= bucket.maxTermMonths) {
      return { bucketIndex: index, maxTermMonths: bucket.maxTermMonths, ratePct: String(bucket.rate) };
    }
  }
  throw new RangeError(`FTP curve has no bucket for a term of ${termMonths} months (the last bucket must have maxTermMonths: null)`);
}
