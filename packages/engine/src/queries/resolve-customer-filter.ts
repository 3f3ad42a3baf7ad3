import type { CustomerFilter, CustomerScope, DbHandle, ResolvedRun } from "@creditseg/db";
import type { Actor } from "../actor";
import { listMigratedCustomerIds, type MigrationDimension } from "../history/compare-runs";
import { listCustomersChangedByPolicy } from "../policies/preview-impact";
import { listTopContributorIds } from "./portfolio-summary";

/**
 * What a customer list, its count or its export selects: the list's own filters, and the figure it was opened from —
 * the cells of a run-to-run migration matrix (in `from` in the earlier run, in `to` in the listed run), the cells of
 * a draft policy's impact preview, or the top percent of the run by contribution (a point of the Pareto curve).
 */
export type CustomerSelection = Omit<CustomerFilter, "customerIds"> & {
  migration?: {
    fromRunId: number;
    dimension: MigrationDimension;
    from: readonly string[];
    to?: readonly string[] | undefined;
  };
  draft?: {
    version: number;
    period: string;
    dimension: "tier" | "grade";
    from?: readonly string[] | undefined;
    to?: readonly string[] | undefined;
  };
  topPct?: number;
};

/**
 * The customer filter of a list, count or export. A migration cell or a draft's impact cell becomes the set of
 * customers the engine function that drew the figure selects (the same pairing that counted the cell), so a list
 * opened from a figure holds exactly the customers the figure counts; so does a Pareto point (the top percent by
 * contribution). A migration cell or a Pareto point needs a listed run: without one it matches nothing.
 */
export async function resolveCustomerFilter(
  handle: DbHandle,
  args: { input: CustomerSelection; run: ResolvedRun | null; scope: CustomerScope; actor: Actor },
): Promise<CustomerFilter> {
  const { input, run, scope, actor } = args;
  const { migration, draft, topPct, ...filter } = input;
  const sets: string[][] = [];
  if (migration) {
    sets.push(
      run
        ? await listMigratedCustomerIds(handle, {
            fromRunId: migration.fromRunId,
            toRunId: run.id,
            officerCode: scope === "all" ? undefined : scope.officer,
            dimension: migration.dimension,
            selection: { from: migration.from, to: migration.to },
          })
        : [],
    );
  }
  if (draft) {
    const isCell = draft.from !== undefined || draft.to !== undefined;
    sets.push(
      await listCustomersChangedByPolicy(handle, {
        actor,
        version: draft.version,
        period: draft.period,
        dimension: draft.dimension,
        selection: isCell ? { from: draft.from, to: draft.to } : { isMovedOnly: true },
      }),
    );
  }
  if (topPct !== undefined) sets.push(run ? await listTopContributorIds(handle.db, { run, scope, topPct }) : []);
  if (sets.length === 0) return filter;
  const [first, ...rest] = sets;
  const customerIds = rest.reduce((ids, other) => {
    const keep = new Set(other);
    return ids.filter((id) => keep.has(id));
  }, first!);
  return { ...filter, customerIds };
}
