/** Tier names of a policy document, in rule order (highest first); the default three when it has none. */
export function readTierNames(document: unknown): string[] {
  const tiers = (document as { tiers?: unknown } | null | undefined)?.tiers;
  const names = Array.isArray(tiers)
    ? tiers.map((tier) => (tier as { name?: unknown }).name).filter((name): name is string => typeof name === "string")
    : [];
  return names.length > 0 ? names : ["core", "basic", "general"];
}

/** Sorts segment rows by the policy's tier order; tiers the policy no longer names go last, by name. */
export function sortByTierOrder<T>(rows: readonly T[], tierOf: (row: T) => string, order: readonly string[]): T[] {
  const rank = (tier: string) => {
    const index = order.indexOf(tier);
    return index === -1 ? order.length : index;
  };
  return [...rows].sort((a, b) => rank(tierOf(a)) - rank(tierOf(b)) || tierOf(a).localeCompare(tierOf(b)));
}
