import { lookupGuidance, parsePolicy, type CustomerGuidance } from "@creditseg/core";
import { readCustomerRecords, type CustomerRow, type Db, type ResolvedRun } from "@creditseg/db";

/**
 * Everything the customer page shows for a customer already found in the caller's scope: the run's stored result
 * and contribution lines (the breakdown is what the run priced), the guidance the run's policy attaches to the
 * customer's effective segment, the day-count basis the lines were priced on, and the records around them.
 */
export async function readCustomerDetail(db: Db, args: { customer: CustomerRow; run: ResolvedRun | null }) {
  const records = await readCustomerRecords(db, { customerId: args.customer.customerId, run: args.run });
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
    guidance,
    dayCountBasis: policy?.dayCountBasis ?? null,
  };
}

export type CustomerDetail = Awaited<ReturnType<typeof readCustomerDetail>>;
