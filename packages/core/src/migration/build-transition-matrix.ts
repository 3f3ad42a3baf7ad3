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
  for (const [customerId, from] of before) {
    const to = after.get(customerId);
    if (to === undefined) {
      left[from] = (left[from] ?? 0) + 1;
      continue;
    }
    counts[indexOf.get(from)!]![indexOf.get(to)!]! += 1;
    if (from === to) stayedCount++;
    else movedCount++;
  }
  for (const [customerId, to] of after) if (!before.has(customerId)) entered[to] = (entered[to] ?? 0) + 1;
  return { labels, counts, entered, left, stayedCount, movedCount };
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
  const toMap = (list: readonly MigrationCustomer[], pick: (c: MigrationCustomer) => string) =>
    new Map(list.map((c) => [c.customerId, pick(c)]));
  return {
    tiers: buildTransitionMatrix(
      toMap(before, (c) => c.tier),
      toMap(after, (c) => c.tier),
      tierOrder,
    ),
    grades: buildTransitionMatrix(
      toMap(before, (c) => c.grade),
      toMap(after, (c) => c.grade),
      GRADES,
    ),
  };
}
