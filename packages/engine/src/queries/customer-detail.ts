import { lookupGuidance, parsePolicy, type CustomerGuidance } from "@creditseg/core";
import { readCustomerRecords, type CustomerRow, type DbHandle, type ResolvedRun } from "@creditseg/db";
import { readContributionLines } from "../runs/run-details";

/**
 * Everything the customer page shows for a customer already found in the caller's scope: the run's stored result
 * and contribution lines (the breakdown is what the run priced), the guidance the run's policy attaches to the
 * customer's effective segment, the day-count basis the lines were priced on, and the records around them.
 */
export async function readCustomerDetail(handle: DbHandle, args: { customer: CustomerRow; run: ResolvedRun | null }) {
  const customerId = args.customer.customerId;
  const [records, contributionLines] = await Promise.all([
    readCustomerRecords(handle.db, { customerId, run: args.run }),
    args.run ? readContributionLines(handle, { runId: args.run.id, customerId }) : Promise.resolve([]),
  ]);
  const parsed = records.policyDocument === null ? null : parsePolicy(records.policyDocument);
  const policy = parsed?.ok ? parsed.policy : null;
  const { result } = records;
  const guidance: CustomerGuidance | null =
    policy && result ? lookupGuidance(policy, result.effectiveTier, result.effectiveGrade) : null;
  const { policyDocument: _policyDocument, ...shown } = records;
  return {
    customer: args.customer,
    run: args.run,
    ...shown,
    contributionLines,
    guidance,
    dayCountBasis: policy?.dayCountBasis ?? null,
  };
}

export type CustomerDetail = Awaited<ReturnType<typeof readCustomerDetail>>;
