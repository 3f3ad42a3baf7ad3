/**
 * The queries of the group pages, shared by each page's server prefetch and its view so both ask for the same
 * query (the first paint then shows data and the browser does not fetch it again).
 */

/** A group number from the address (`/groups/customers/2`): groups are numbered 0–100; anything else is no group. */
export function parseGroupNo(text: string): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** One project group of a run: found in data (its number) or an industry × region × risk roll-up (its key). */
export type ProjectGroupSelection = { groupRunId: number } & ({ groupNo: number } | { groupKey: string });

/** The project.list input of a project group's projects, one page of 50. */
export function groupProjectsInput(group: ProjectGroupSelection) {
  return { ...group, limit: 50 };
}

/** The project.list input of a found project group's projects. */
export function foundGroupProjectsInput(groupRunId: number, groupNo: number) {
  return groupProjectsInput({ groupRunId, groupNo });
}

export type MemberSort = "contribution" | "loanBalance" | "depositBalance" | "customerId" | "name";

/** A customer group's members start by contribution, largest first. */
export const FIRST_MEMBER_SORT: { by: MemberSort; isDescending: boolean } = { by: "contribution", isDescending: true };

/** The customer.list input of a customer group's members in the run it came from, one page of 50. */
export function groupMembersInput(runId: number, groupNo: number, sort: { by: MemberSort; isDescending: boolean }) {
  return {
    runId,
    customerGroups: [groupNo],
    sort: sort.by,
    direction: sort.isDescending ? ("desc" as const) : ("asc" as const),
    limit: 50,
  };
}

/** The group.customerGroup input: a group of the address's run, or of the current run when it names none. */
export function customerGroupInput(runId: number | undefined, groupNo: number) {
  return { ...(runId ? { runId } : {}), groupNo };
}
