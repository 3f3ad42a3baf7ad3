import { Dec } from "../money/decimal";
import { ratioPct } from "../money/ratio";

export type TierClusterCell = {
  tier: string;
  cluster: number;
  /** Customers of the tier whose benefit segment is this cluster (each customer counted once). */
  customerCount: number;
  /** Their contribution, fen. */
  contributionFen: bigint;
  /** Loans of the tier's customers that fall in this cluster (loan level). */
  loanCount: number;
  /** Their average daily balance, fen. */
  loanBalanceFen: bigint;
};

export type TierClusterTable = { tiers: string[]; clusterCount: number; cells: TierClusterCell[] };

export type CrossTableCustomer = { customerId: string; tier: string; cluster: number | null; contributionFen: bigint };
export type CrossTableLoan = { customerId: string; cluster: number; balanceFen: bigint };

/**
 * The tier × cluster cross table (the seed's crossing of benefit segments with contribution tiers).
 * Customer counts and contribution are by each customer's benefit segment; loan counts and balances by each loan's cluster.
 * Cells are ordered by tier (policy order) then cluster; customers without loans have no cluster and appear in no cell.
 */
export function buildTierClusterTable(input: {
  /** Any iterable, read once: a run passes its customers one at a time, made from per-customer columns. */
  customers: Iterable<CrossTableCustomer>;
  /** Any iterable: a run passes its loans one at a time, made from typed arrays. */
  loans: Iterable<CrossTableLoan>;
  tiers: readonly string[];
  clusterCount: number;
}): TierClusterTable {
  const tierIndex = new Map(input.tiers.map((t, i) => [t, i]));
  const cells: TierClusterCell[] = [];
  for (const tier of input.tiers) {
    for (let cluster = 0; cluster < input.clusterCount; cluster++)
      cells.push({ tier, cluster, customerCount: 0, contributionFen: 0n, loanCount: 0, loanBalanceFen: 0n });
  }
  const cellOf = (tier: string, cluster: number) => {
    const index = tierIndex.get(tier);
    return index === undefined || cluster < 0 || cluster >= input.clusterCount
      ? undefined
      : cells[index * input.clusterCount + cluster];
  };
  const tierOfCustomer = new Map<string, string>();
  for (const customer of input.customers) {
    tierOfCustomer.set(customer.customerId, customer.tier);
    if (customer.cluster === null) continue;
    const cell = cellOf(customer.tier, customer.cluster);
    if (!cell) continue;
    cell.customerCount++;
    cell.contributionFen += customer.contributionFen;
  }
  for (const loan of input.loans) {
    const tier = tierOfCustomer.get(loan.customerId);
    const cell = tier === undefined ? undefined : cellOf(tier, loan.cluster);
    if (!cell) continue;
    cell.loanCount++;
    cell.loanBalanceFen += loan.balanceFen;
  }
  return { tiers: [...input.tiers], clusterCount: input.clusterCount, cells };
}

export type PreferredBundle = {
  cluster: number;
  loanBalanceFen: bigint;
  /** Share of the tier's loan balance in this cluster, percent with two decimals. */
  balanceSharePct: string;
  /** Share of the tier's customers whose benefit segment is this cluster, percent with two decimals. */
  customerSharePct: string;
  /** Balance share within the tier ÷ balance share in the whole portfolio; > 1 means the tier over-selects the bundle. */
  lift: string | null;
};

function sharePct(part: bigint, whole: bigint) {
  return whole === 0n ? new Dec(0) : new Dec(part.toString()).times(100).dividedBy(whole.toString());
}

/**
 * The bundles (clusters) a tier prefers, most balance first (ties: lower cluster index), with the lift over the
 * whole portfolio. For the first (highest) tier this answers the seed's question: which bundles core customers choose.
 */
export function findPreferredBundles(table: TierClusterTable, tier: string): PreferredBundle[] {
  const tierCells = table.cells.filter((c) => c.tier === tier);
  const tierBalance = tierCells.reduce((s, c) => s + c.loanBalanceFen, 0n);
  const tierCustomers = tierCells.reduce((s, c) => s + c.customerCount, 0);
  const portfolioBalance = table.cells.reduce((s, c) => s + c.loanBalanceFen, 0n);
  if (tierBalance === 0n && tierCustomers === 0) return [];
  return tierCells
    .map((cell) => {
      const clusterBalance = table.cells
        .filter((c) => c.cluster === cell.cluster)
        .reduce((s, c) => s + c.loanBalanceFen, 0n);
      const share = sharePct(cell.loanBalanceFen, tierBalance);
      const portfolioShare = sharePct(clusterBalance, portfolioBalance);
      return {
        cluster: cell.cluster,
        loanBalanceFen: cell.loanBalanceFen,
        balanceSharePct: share.toFixed(2),
        customerSharePct: ratioPct(cell.customerCount, tierCustomers) ?? "0.00",
        lift: portfolioShare.isZero() ? null : share.dividedBy(portfolioShare).toFixed(2),
      };
    })
    .sort((a, b) =>
      a.loanBalanceFen === b.loanBalanceFen ? a.cluster - b.cluster : a.loanBalanceFen > b.loanBalanceFen ? -1 : 1,
    );
}
