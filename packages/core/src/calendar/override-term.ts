import { addYears, isIsoDate } from "./bank-date";

/**
 * Longest an approved override may apply, in years from the bank date it is approved on. A tier or
 * grade decided by hand is reviewed at least this often; an expiry such as 9999-12-31 would make
 * the manual decision permanent.
 */
export const MAX_OVERRIDE_TERM_YEARS = 3;

/** The last expiry an override approved on `today` (YYYY-MM-DD) may carry; 29 February falls back to the 28th. */
export function latestOverrideExpiry(today: string): string {
  return addYears(today, MAX_OVERRIDE_TERM_YEARS);
}

export type OverrideExpiryProblem =
  | { code: "override.expiry.not_a_date"; params: { expiresOn: string } }
  | { code: "override.expiry.passed"; params: { expiresOn: string; today: string } }
  | { code: "override.expiry.too_late"; params: { expiresOn: string; latest: string; maxYears: number } };

/**
 * Why an override's expiry (YYYY-MM-DD, the last day it applies) is not acceptable on bank date
 * `today`, or null: it must be a real date, today or later, and at most MAX_OVERRIDE_TERM_YEARS ahead.
 */
export function checkOverrideExpiry(expiresOn: string, today: string): OverrideExpiryProblem | null {
  if (!isIsoDate(expiresOn)) return { code: "override.expiry.not_a_date", params: { expiresOn } };
  if (expiresOn < today) return { code: "override.expiry.passed", params: { expiresOn, today } };
  const latest = latestOverrideExpiry(today);
  if (expiresOn > latest)
    return { code: "override.expiry.too_late", params: { expiresOn, latest, maxYears: MAX_OVERRIDE_TERM_YEARS } };
  return null;
}
