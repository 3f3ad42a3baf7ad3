import {
  parsePeriod,
  resolveFtpCurve,
  type FtpCurvePoint,
  type FtpCurveSource,
  type Policy,
  type PricingCurve,
} from "@creditseg/core";
import type { DbHandle, RawQuery } from "@creditseg/db";
import { EngineError } from "../errors/engine-error";
import { readPolicyVersion } from "../policies/policy-queries";
import { validatePolicyDocument } from "../policies/policy-workflow";

/** The curve a run of a period prices on and where it came from (treasury upload or policy version). */
export type PeriodFtpCurve = { curve: PricingCurve; source: FtpCurveSource };

/** The first day of a period code; INVALID_INPUT naming the code when it is not one (see core's parsePeriod). */
export function periodStartOf(period: string): string {
  const parsed = parsePeriod(period);
  if (!parsed) throw new EngineError("INVALID_INPUT", `"${period}" is not a period (e.g. 2025, 2025Q2 or 2025-06).`);
  return parsed.start;
}

/** Uploaded treasury FTP points effective on or before `onOrBefore` (rolled-back batches' rows are gone already). */
async function readFtpPoints(raw: RawQuery, onOrBefore: string): Promise<FtpCurvePoint[]> {
  const rows = await raw<{
    side: FtpCurvePoint["side"];
    max_term_months: number | null;
    rate_pct: string;
    effective_from: string;
    batch_id: string | null;
  }>(
    `select side::text as side, max_term_months, rate_pct::text as rate_pct, effective_from::text as effective_from, import_batch_id::text as batch_id
       from ftp_curves where effective_from <= $1::date order by side, max_term_months nulls last, effective_from, id`,
    [onOrBefore],
  );
  return rows.map((r) => ({
    side: r.side,
    maxTermMonths: r.max_term_months,
    ratePct: r.rate_pct,
    effectiveFrom: r.effective_from,
    batchId: r.batch_id,
  }));
}

/** The curve a run of `period` under `policy` (version `policyVersion`) prices on; see core's resolveFtpCurve. */
export async function resolvePeriodFtpCurve(
  raw: RawQuery,
  args: { period: string; policy: Policy; policyVersion: number },
): Promise<PeriodFtpCurve> {
  const periodStart = periodStartOf(args.period);
  const points = await readFtpPoints(raw, periodStart);
  return resolveFtpCurve({ policy: args.policy, policyVersion: args.policyVersion, points, periodStart });
}

/**
 * Which FTP curve a run (or a draft's impact preview) of `period` would price on under policy version
 * `policyVersion` (any status: drafts included): treasury's uploaded curve in force at the period start per side, or
 * the version's own curve. For the policy editor and the preview, so a risk manager sees the curve before running.
 */
export async function previewFtpCurve(
  handle: DbHandle,
  args: { period: string; policyVersion: number },
): Promise<PeriodFtpCurve> {
  const version = await readPolicyVersion(handle.raw, args.policyVersion);
  const policy = validatePolicyDocument(version.document);
  return resolvePeriodFtpCurve(handle.raw, { period: args.period, policy, policyVersion: version.version });
}
