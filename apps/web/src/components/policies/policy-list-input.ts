/** The policy versions' page size, shared by the page's server prefetch and the view so both ask the same query. */
export const POLICY_LIST_INPUT = { limit: 100 };

/**
 * Four eyes: the submitted versions that wait for this risk manager's decision, those another risk manager wrote
 * and submitted. The page prefetches their reviews; the view shows them.
 */
export function awaitingDecision<T extends { status: string; createdBy: string | null; submittedBy: string | null }>(
  versions: readonly T[],
  meId: string,
): T[] {
  return versions.filter(
    (policy) => policy.status === "submitted" && policy.createdBy !== meId && policy.submittedBy !== meId,
  );
}
