import type { Grade, SegmentOverride } from "@creditseg/core";
import type { RawQuery } from "@creditseg/db";

/** The approved, unexpired overrides of a customer, per field (the latest approved one wins). */
export type CustomerOverrides = SegmentOverride;

/**
 * Approved overrides unexpired on `asOf` (the run's bank date, YYYY-MM-DD, inclusive), by customer. Confirmations
 * (proposed = computed) change nothing and are left out, so they are never carried as if they were decisions.
 */
export async function readActiveOverrides(raw: RawQuery, asOf: string): Promise<Map<string, CustomerOverrides>> {
  const rows = await raw<{ id: number; customer_id: string; field: "tier" | "grade"; proposed_value: string }>(
    `select id, customer_id, field, proposed_value from overrides
      where status = 'approved' and proposed_value <> computed_value and (expires_on is null or expires_on >= $1::date)
      order by id`,
    [asOf],
  );
  const byCustomer = new Map<string, CustomerOverrides>();
  for (const row of rows) {
    const entry = byCustomer.get(row.customer_id) ?? {};
    if (row.field === "tier") entry.tier = { value: row.proposed_value, id: row.id };
    else entry.grade = { value: row.proposed_value as Grade, id: row.id };
    byCustomer.set(row.customer_id, entry);
  }
  return byCustomer;
}
