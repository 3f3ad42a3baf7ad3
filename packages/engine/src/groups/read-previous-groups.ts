import type { GroupPrototype, PreviousGroup } from "@creditseg/core";
import type { RawQuery } from "@creditseg/db";

/** The previous run's customer and project groups (prototypes, sizes, signal counts), to match this run's groups with. */
export async function readPreviousGroups(
  raw: RawQuery,
  runId: number,
): Promise<{ customers: PreviousGroup[]; projects: PreviousGroup[] }> {
  const customers = await raw<{ group: number; prototype: GroupPrototype; size: number }>(
    `select group_no as "group", prototype, size from customer_groups where run_id = $1 order by group_no`,
    [runId],
  );
  const projects = await raw<{ group: number; prototype: GroupPrototype; size: number; signalCount: number }>(
    `select group_no as "group", prototype, size, signal_count as "signalCount" from found_project_groups where run_id = $1 order by group_no`,
    [runId],
  );
  return {
    customers: customers.map((g) => ({ group: g.group, prototype: g.prototype, memberCount: g.size })),
    projects: projects.map((g) => ({
      group: g.group,
      prototype: g.prototype,
      memberCount: g.size,
      signalCount: g.signalCount,
    })),
  };
}
