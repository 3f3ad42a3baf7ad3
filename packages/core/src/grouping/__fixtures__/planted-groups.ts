import { createRng } from "../../random";
import { encodeMixedTable, type MixedTable } from "../mixed-table";

/**
 * Planted mixed data for tests: four groups of customers (asset-light tech micro firms, trade SMEs,
 * secured manufacturers, large utilities), each with its own numeric centre and dominant categories,
 * plus noise: `noise` of the categorical values are drawn at random from all levels.
 */
const PLANTS = [
  { secured: 0.05, debt: 45, revenue: 3e6, industry: "信息技术服务业", size: "micro", guarantee: "credit" },
  { secured: 0.35, debt: 62, revenue: 4e7, industry: "批发和零售业", size: "small", guarantee: "guarantee" },
  { secured: 0.9, debt: 70, revenue: 3e8, industry: "制造业", size: "medium", guarantee: "collateral" },
  { secured: 0.7, debt: 55, revenue: 3e9, industry: "电力热力燃气业", size: "large", guarantee: "pledge" },
] as const;

const INDUSTRY_LEVELS = PLANTS.map((p) => p.industry);
const SIZE_LEVELS = PLANTS.map((p) => p.size);
const GUARANTEE_LEVELS = PLANTS.map((p) => p.guarantee);

export function plantGroups(args: { perGroup: number; seed: number; noise?: number; spread?: number }): {
  table: MixedTable;
  truth: Int32Array;
} {
  const rng = createRng(args.seed);
  const noise = args.noise ?? 0.1;
  const spread = args.spread ?? 1;
  const n = args.perGroup * PLANTS.length;
  const truth = new Int32Array(n);
  const secured = new Float64Array(n);
  const debt = new Float64Array(n);
  const revenue = new Float64Array(n);
  const industry: string[] = [];
  const size: string[] = [];
  const guarantee: string[] = [];
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
  const pick = (levels: readonly string[], planted: string) =>
    rng.uniform() < noise ? levels[rng.int(levels.length)]! : planted;
  for (let i = 0; i < n; i++) {
    const g = i % PLANTS.length;
    const plant = PLANTS[g]!;
    truth[i] = g;
    secured[i] = Math.min(1, Math.max(0, plant.secured + 0.06 * spread * normal()));
    debt[i] = plant.debt + 4 * spread * normal();
    revenue[i] = plant.revenue * Math.exp(0.3 * spread * normal());
    industry.push(pick(INDUSTRY_LEVELS, plant.industry));
    size.push(pick(SIZE_LEVELS, plant.size));
    guarantee.push(pick(GUARANTEE_LEVELS, plant.guarantee));
  }
  const table = encodeMixedTable({
    numeric: [
      { name: "secured_share", values: secured },
      { name: "debt_ratio_pct", values: debt },
      { name: "revenue", values: revenue, log: true },
    ],
    categorical: [
      { name: "industry", values: industry },
      { name: "size", values: size },
      { name: "main_guarantee", values: guarantee },
    ],
  });
  return { table, truth };
}
