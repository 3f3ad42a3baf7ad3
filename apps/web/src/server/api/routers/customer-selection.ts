import type { CustomerFilter, CustomerScope, DbHandle, ResolvedRun } from "@creditseg/db";
import {
  listCustomersChangedByPolicy,
  listMigratedCustomerIds,
  listTopContributorIds,
  type Actor,
} from "@creditseg/engine";
import type { CustomerFilterInput } from "../schemas/customer";

/**
 * The customer filter of a list, count or export. A migration cell or a draft's impact cell becomes the set of
 * customers the engine function that drew the figure selects (the same pairing that counted the cell), so a list
 * opened from a figure holds exactly the customers the figure counts; so does a Pareto point (the top percent by
 * contribution). A migration cell or a Pareto point needs a listed run: without one it matches nothing.
 */
export async function resolveCustomerFilter(
  handle: DbHandle,
  args: { input: CustomerFilterInput; run: ResolvedRun | null; scope: CustomerScope; actor: Actor },
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
