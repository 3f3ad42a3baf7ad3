import type { RawQuery } from "@creditseg/db";
import { makeReject, type Reject } from "../reasons";
import { type KindSpec, toSnakeCase } from "../specs/column-spec";

export type PendingRow = { rowNumber: number; row: Record<string, unknown> };

/**
 * Cross-file checks for a chunk of valid rows, in two set-based queries: the customer must exist,
 * and a key already in the database for this period must belong to the same customer.
 */
export async function checkRowsAgainstDatabase(args: {
  raw: RawQuery;
  spec: KindSpec;
  period: string;
  rows: readonly PendingRow[];
  /** The period holds no committed rows (the caller holds its lock and found it empty): no key can be owned yet. */
  isPeriodEmpty?: boolean;
  /**
   * Customers already found in this file's earlier chunks, not asked for again (a file names the same customers over
   * and over); grown by this call. A customer removed meanwhile still fails the commit, by the table's foreign key.
   */
  knownCustomers?: Set<string>;
}): Promise<Reject[]> {
  const { raw, spec, period, rows } = args;
  const customerField = spec.customerField;
  if (!customerField || rows.length === 0) return [];
  const rejects: Reject[] = [];
  const knownIds = args.knownCustomers ?? new Set<string>();
  const customerIds = [...new Set(rows.map((pending) => String(pending.row[customerField])))].filter(
    (id) => !knownIds.has(id),
  );
  if (customerIds.length > 0) {
    const known = await raw<{ customer_id: string }>(
      "select customer_id from customers where customer_id = any($1::text[])",
      [customerIds],
    );
    for (const row of known) knownIds.add(row.customer_id);
  }
  const keyField = spec.isPeriodic && !args.isPeriodEmpty ? spec.keyFields[1] : undefined;
  let owners = new Map<string, string>();
  if (keyField) {
    const keyColumn = toSnakeCase(keyField);
    const keys = rows.map((pending) => String(pending.row[keyField]));
    const existing = await raw<{ key: string; customer_id: string }>(
      `select ${keyColumn} as key, customer_id from ${spec.table} where period = $1 and ${keyColumn} = any($2::text[])`,
      [period, keys],
    );
    owners = new Map(existing.map((row) => [row.key, row.customer_id]));
  }
  for (const { rowNumber, row } of rows) {
    const customerId = String(row[customerField]);
    if (!knownIds.has(customerId)) {
      rejects.push(makeReject({ code: "unknown_customer", rowNumber, column: "customer_id", value: customerId }));
      continue;
    }
    if (keyField) {
      const owner = owners.get(String(row[keyField]));
      if (owner !== undefined && owner !== customerId) {
        const keyName = spec.columns.find((column) => column.field === keyField)?.name ?? keyField;
        rejects.push(
          makeReject({ code: "duplicate_key_in_database", rowNumber, column: keyName, value: String(row[keyField]) }),
        );
      }
    }
  }
  return rejects;
}
