import { GRADES } from "../constants";

export type TransitionMatrix = {
  /** Row and column labels, in the order given (then any unexpected labels, sorted). */
  labels: string[];
  /** counts[from][to]: customers in `labels[from]` before and `labels[to]` after. */
  counts: number[][];
  /** Customers only in the later result, by their label there. */
  entered: Record<string, number>;
  /** Customers only in the earlier result, by their label there. */
  left: Record<string, number>;
  stayedCount: number;
  movedCount: number;
};

/**
 * Cross-tabulates two labellings of customers (by customer id): how many moved from each label to each other.
 * Customers present on one side only are counted as entered or left rather than in the matrix.
 */
export function buildTransitionMatrix(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  labelOrder: readonly string[],
): TransitionMatrix {
  const extra = new Set<string>();
  for (const label of [...before.values(), ...after.values()]) if (!labelOrder.includes(label)) extra.add(label);
  const labels = [...labelOrder, ...[...extra].sort()];
  const indexOf = new Map(labels.map((label, index) => [label, index]));
  const counts = labels.map(() => labels.map(() => 0));
  const entered: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  const left: Record<string, number> = Object.fromEntries(labels.map((l) => [l, 0]));
  let stayedCount = 0;
  let movedCount = 0;
  forEachTransition(before, after, (_customerId, from, to) => {
    counts[indexOf.get(from)!]![indexOf.get(to)!]! += 1;
    if (from === to) stayedCount++;
    else movedCount++;
  });
  for (const [customerId, from] of before) if (!after.has(customerId)) left[from] = (left[from] ?? 0) + 1;
  for (const [customerId, to] of after) if (!before.has(customerId)) entered[to] = (entered[to] ?? 0) + 1;
  return { labels, counts, entered, left, stayedCount, movedCount };
}

/** The pairing every matrix cell counts: each customer present on both sides, with its label before and after. */
function forEachTransition(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  visit: (customerId: string, from: string, to: string) => void,
): void {
  for (const [customerId, from] of before) {
    const to = after.get(customerId);
    if (to !== undefined) visit(customerId, from, to);
  }
}

/** Which cells of a transition matrix to select: labels before and after (absent = any), or every off-diagonal cell. */
export type TransitionSelection = { from?: readonly string[]; to?: readonly string[]; isMovedOnly?: boolean };

/**
 * The customers behind cells of the matrix `buildTransitionMatrix` builds from the same labellings, in customer-id
 * order: a list opened from a cell holds exactly the customers the cell counts.
 */
export function selectTransitionCustomers(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  selection: TransitionSelection,
): string[] {
  const from = selection.from ? new Set(selection.from) : null;
  const to = selection.to ? new Set(selection.to) : null;
  const ids: string[] = [];
  forEachTransition(before, after, (customerId, was, now) => {
    if (from && !from.has(was)) return;
    if (to && !to.has(now)) return;
    if (selection.isMovedOnly && was === now) return;
    ids.push(customerId);
  });
  return ids.sort();
}

export type MigrationCustomer = { customerId: string; tier: string; grade: string };
export type Migration = { tiers: TransitionMatrix; grades: TransitionMatrix };

/**
 * Tier and grade transition matrices between an earlier and a later segment result.
 * `tierOrder` fixes the tier rows and columns (usually the later policy's tier names).
 */
export function compareSegmentations(
  before: readonly MigrationCustomer[],
  after: readonly MigrationCustomer[],
  tierOrder: readonly string[],
): Migration {
  return {
    tiers: buildTransitionMatrix(labelsOf(before, "tier"), labelsOf(after, "tier"), tierOrder),
    grades: buildTransitionMatrix(labelsOf(before, "grade"), labelsOf(after, "grade"), GRADES),
  };
}

/** One dimension of a segment result as customer id → label, the shape the matrix and its cell selection read. */
export function labelsOf(list: readonly MigrationCustomer[], dimension: "tier" | "grade"): Map<string, string> {
  return new Map(list.map((c) => [c.customerId, c[dimension]]));
}
