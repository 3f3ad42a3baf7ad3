import {
  customerKeyOf,
  listCustomers,
  listRunClusters,
  type CustomerFilter,
  type CustomerListRow,
  type CustomerScope,
  type Db,
  type ResolvedRun,
} from "@creditseg/db";
import type { ExportCustomersInput } from "../api/schemas/customer";
import type { ExportContext } from "./customer-export";

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

/** What the export renders beside the rows: the run's stored cluster labels (none for the master list). */
export async function readExportContext(db: Db, run: ResolvedRun | null): Promise<ExportContext> {
  const clusters = run ? await listRunClusters(db, { runId: run.id }) : [];
  return { clusterLabels: new Map(clusters.map((k) => [k.clusterNo, k.label])) };
}
