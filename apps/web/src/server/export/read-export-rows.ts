import {
  customerKeyOf,
  listCustomers,
  type CustomerFilter,
  type CustomerListRow,
  type CustomerScope,
  type Db,
  type ResolvedRun,
} from "@creditseg/db";
import type { ExportCustomersInput } from "../api/schemas/customer";

/** Rows one export may hold (the whole portfolio at 100,000 customers, with room). */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE_SIZE = 2_000;

/** The customer list's rows for an export, with the list's filters and order, in the caller's scope, page by page. */
export async function readExportRows(
  db: Db,
  args: {
    run: ResolvedRun | null;
    scope: CustomerScope;
    /** The list's filter as `resolveCustomerFilter` resolved it. */
    filter: CustomerFilter;
    input: Pick<ExportCustomersInput, "sort" | "direction">;
  },
): Promise<CustomerListRow[]> {
  const { run, scope, filter, input } = args;
  const rows: CustomerListRow[] = [];
  for (;;) {
    const last = rows.at(-1);
    const page = await listCustomers(db, {
      run,
      scope,
      filter,
      sort: input.sort,
      direction: input.direction,
      limit: PAGE_SIZE,
      after: last ? customerKeyOf(last, input.sort, run !== null) : null,
    });
    rows.push(...page);
    if (page.length < PAGE_SIZE || rows.length >= MAX_EXPORT_ROWS) return rows.slice(0, MAX_EXPORT_ROWS);
  }
}
