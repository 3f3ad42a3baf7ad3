import type { Classification, DepositProduct, EnterpriseSize, GuaranteeType } from "@creditseg/core/constants";
import { createRng, deriveSeed, type Rng } from "@creditseg/core/random";
import { FEE_TYPES, INDUSTRIES, NAME_STEMS, NAME_TRADES, PROJECT_SECTORS, REGIONS } from "./names";

/**
 * A deterministic demo world: each customer's records come from a generator seeded by
 * (world seed, customer index), so any page of customers can be produced on its own and the
 * result does not depend on page size. Values are plausible 2025 levels (docs/DOMAIN.md): amounts in
 * fen, rates as annual-percent decimal strings.
 */
export type WorldOptions = {
  customers: number;
  /** Target total number of loans; default ≈ 3 per customer. */
  loans?: number;
  /** Calendar year, e.g. "2025". */
  period: string;
  seed: number;
};

export type CustomerRow = {
  customerId: string;
  name: string;
  industry: string;
  region: string;
  size: EnterpriseSize;
  creditRating: string | null;
  officer: string;
  debtRatioPct: string | null;
  currentRatio: string | null;
  roaPct: string | null;
  revenueFen: bigint | null;
  defaultCount: number;
};

export type LoanRow = {
  loanId: string;
  customerId: string;
  product: string;
  amountFen: bigint;
  ratePct: string;
  termMonths: number;
  startDate: string;
  maturityDate: string;
  guarantee: GuaranteeType;
  classification: Classification;
  avgDailyBalanceFen: bigint;
  days: number;
};

export type DepositRow = {
  accountId: string;
  customerId: string;
  product: DepositProduct;
  avgDailyBalanceFen: bigint;
  ratePct: string;
  days: number;
  termMonths: number;
};

export type FeeRow = { lineKey: string; customerId: string; type: string; amountFen: bigint; date: string };

export type ProjectRow = {
  projectId: string;
  customerId: string;
  name: string;
  industry: string;
  region: string;
  totalInvestmentFen: bigint;
  loanAmountFen: bigint;
  riskLevel: string;
  status: string;
  overdueDays: number;
  isDowngraded: boolean;
};

export type CustomerBundle = {
  customer: CustomerRow;
  loans: LoanRow[];
  deposits: DepositRow[];
  fees: FeeRow[];
  projects: ProjectRow[];
};

type LoanProduct = {
  name: string;
  /** Median amount in CNY and log-normal spread. */
  medianYuan: number;
  sigma: number;
  minYuan: number;
  terms: readonly number[];
  /** Rate (annual %) = base + riskSpread × risk + noise. */
  baseRate: number;
  riskSpread: number;
  guarantees: readonly GuaranteeType[];
  /** Outstanding share of the amount on average over the period (amortising loans are lower). */
  outstanding: readonly [number, number];
};

/** Product bundles with distinct (rate, amount, term) profiles, so benefit segmentation has structure to find. */
const PRODUCTS = {
  microWorkingCapital: {
    name: "小微流动资金贷款",
    medianYuan: 800_000,
    sigma: 0.6,
    minYuan: 100_000,
    terms: [6, 12, 12],
    baseRate: 4.4,
    riskSpread: 1.8,
    guarantees: ["credit", "guarantee", "guarantee"],
    outstanding: [0.85, 1],
  },
  workingCapital: {
    name: "流动资金贷款",
    medianYuan: 6_000_000,
    sigma: 0.6,
    minYuan: 500_000,
    terms: [12, 12, 24],
    baseRate: 3.45,
    riskSpread: 1.0,
    guarantees: ["collateral", "guarantee"],
    outstanding: [0.85, 1],
  },
  techCredit: {
    name: "科技型企业信用贷款",
    medianYuan: 1_000_000,
    sigma: 0.6,
    minYuan: 100_000,
    terms: [12, 12, 24],
    baseRate: 4.2,
    riskSpread: 1.6,
    guarantees: ["credit"],
    outstanding: [0.85, 1],
  },
  securedWorkingCapital: {
    name: "流动资金贷款",
    medianYuan: 8_000_000,
    sigma: 0.6,
    minYuan: 500_000,
    terms: [12, 12, 24],
    baseRate: 3.4,
    riskSpread: 0.9,
    guarantees: ["collateral"],
    outstanding: [0.85, 1],
  },
  tradeFinance: {
    name: "贸易融资",
    medianYuan: 3_000_000,
    sigma: 0.5,
    minYuan: 200_000,
    terms: [3, 6],
    baseRate: 2.85,
    riskSpread: 0.5,
    guarantees: ["pledge"],
    outstanding: [0.9, 1],
  },
  /** Trade finance on a third party's guarantee: the receivables a trade firm holds are not pledged yet. */
  guaranteedTrade: {
    name: "贸易融资",
    medianYuan: 3_000_000,
    sigma: 0.5,
    minYuan: 200_000,
    terms: [3, 6],
    baseRate: 3.1,
    riskSpread: 0.6,
    guarantees: ["guarantee"],
    outstanding: [0.9, 1],
  },
  fixedAsset: {
    name: "固定资产贷款",
    medianYuan: 40_000_000,
    sigma: 0.7,
    minYuan: 5_000_000,
    terms: [36, 60, 84, 120],
    baseRate: 3.3,
    riskSpread: 0.8,
    guarantees: ["collateral"],
    outstanding: [0.5, 0.95],
  },
  projectLoan: {
    name: "项目贷款",
    medianYuan: 150_000_000,
    sigma: 0.6,
    minYuan: 30_000_000,
    terms: [96, 120, 180],
    baseRate: 3.4,
    riskSpread: 0.6,
    guarantees: ["collateral", "pledge"],
    outstanding: [0.6, 0.95],
  },
} satisfies Record<string, LoanProduct>;

const PRODUCT_MIX: Record<EnterpriseSize, readonly [LoanProduct, number][]> = {
  micro: [
    [PRODUCTS.microWorkingCapital, 80],
    [PRODUCTS.tradeFinance, 15],
    [PRODUCTS.workingCapital, 5],
  ],
  small: [
    [PRODUCTS.microWorkingCapital, 35],
    [PRODUCTS.workingCapital, 40],
    [PRODUCTS.tradeFinance, 20],
    [PRODUCTS.fixedAsset, 5],
  ],
  medium: [
    [PRODUCTS.workingCapital, 40],
    [PRODUCTS.tradeFinance, 25],
    [PRODUCTS.fixedAsset, 30],
    [PRODUCTS.projectLoan, 5],
  ],
  large: [
    [PRODUCTS.workingCapital, 30],
    [PRODUCTS.tradeFinance, 20],
    [PRODUCTS.fixedAsset, 35],
    [PRODUCTS.projectLoan, 15],
  ],
};

/**
 * Planted customer groups (客户群体) for the grouping to find: nearly every customer (drawn from a stream of its
 * own) follows one of three archetypes — its industries and sizes, its product mix (and so its guarantee mix), its
 * balance-sheet lean and its deposit habits — with realistic overlap: a share of each archetype's customers keeps
 * the generic industry, and a few customers follow no archetype at all (generic draws throughout). The archetype
 * is what `plantedCustomerGroup` reports, so tests can measure how well the grouping recovers it.
 */
type Archetype = {
  industries: readonly string[];
  sizes: readonly EnterpriseSize[];
  /** Share of all customers planted in this archetype. */
  share: number;
  mix: readonly [LoanProduct, number][];
  /** Added to the debt ratio, percentage points. */
  debtRatioShift: number;
  /** Added to the current ratio and to the ROA (percentage points). */
  currentRatioShift: number;
  roaShift: number;
  /** Multiplies the demand-deposit median (trade firms keep more cash at the bank) and the fee amounts (settlement). */
  depositScale: number;
  feeScale: number;
};
const ARCHETYPES: readonly Archetype[] = [
  // Asset-light technology and business services micro / small firms borrowing on credit (→ IP-pledge loans).
  {
    industries: ["信息技术服务业", "信息技术服务业", "租赁和商务服务业"],
    sizes: ["micro", "micro", "micro", "small"],
    share: 0.3,
    mix: [
      [PRODUCTS.techCredit, 95],
      [PRODUCTS.microWorkingCapital, 5],
    ],
    debtRatioShift: -20,
    currentRatioShift: 0.7,
    roaShift: 4,
    depositScale: 1,
    feeScale: 0.5,
  },
  // Wholesale / retail SMEs financing receivables and trade (→ receivables pledge).
  {
    industries: ["批发和零售业"],
    sizes: ["small", "small", "small", "medium"],
    share: 0.3,
    mix: [
      [PRODUCTS.guaranteedTrade, 90],
      [PRODUCTS.workingCapital, 10],
    ],
    debtRatioShift: 0,
    currentRatioShift: 0,
    roaShift: 0,
    depositScale: 5,
    feeScale: 5,
  },
  // Heavy industry with fixed assets pledged as collateral.
  {
    industries: ["制造业", "制造业", "电力热力燃气业", "建筑业"],
    sizes: ["medium", "medium", "large"],
    share: 0.3,
    mix: [
      [PRODUCTS.fixedAsset, 50],
      [PRODUCTS.securedWorkingCapital, 40],
      [PRODUCTS.projectLoan, 10],
    ],
    debtRatioShift: 15,
    currentRatioShift: -0.6,
    roaShift: -2,
    depositScale: 1,
    feeScale: 1,
  },
];
/** Share of an archetype's customers whose industry is the generic draw (the groups overlap in industry). */
const ARCHETYPE_INDUSTRY_OVERLAP = 0.15;
/** Stream id of the archetype draws, apart from the customer's own stream. */
const ARCHETYPE_STREAM = 0xa7c4;

/** The planted group of customer `index`: the archetype's position (0, 1, 2), or null for a generic customer. */
export function plantedCustomerGroup(index: number, options: WorldOptions): number | null {
  const rng = createRng(deriveSeed(options.seed, index, ARCHETYPE_STREAM));
  let u = rng.uniform();
  for (let a = 0; a < ARCHETYPES.length; a++) {
    u -= ARCHETYPES[a]!.share;
    if (u < 0) return a;
  }
  return null;
}

/** The archetype customer `index` is planted in (with its industry and size), or null for a generic customer. */
function plantArchetype(
  index: number,
  options: WorldOptions,
  drawnIndustry: string,
): { archetype: Archetype; industry: string; size: EnterpriseSize } | null {
  const group = plantedCustomerGroup(index, options);
  if (group === null) return null;
  const archetype = ARCHETYPES[group]!;
  // The group's own stream again, past the draw that chose the archetype, so each draw stays where it was.
  const rng = createRng(deriveSeed(options.seed, index, ARCHETYPE_STREAM));
  rng.uniform();
  const industry = archetype.industries[rng.int(archetype.industries.length)]!;
  const size = archetype.sizes[rng.int(archetype.sizes.length)]!;
  return {
    archetype,
    industry: rng.uniform() < ARCHETYPE_INDUSTRY_OVERLAP ? drawnIndustry : industry,
    size,
  };
}

/**
 * Project groups planted by sector: investment scale (median CNY), loan share of the investment and the
 * share of projects already operating differ by sector, with log-normal spread so the groups overlap. Projects
 * with default signals (more than 90 days overdue) form a fifth, distressed group across sectors — the group-level
 * early warning the seed describes (`plantedProjectGroup`).
 */
const PROJECT_PROFILES: Record<
  string,
  { medianYuan: number; loanShare: readonly [number, number]; operating: number }
> = {
  制造业: { medianYuan: 1.2e8, loanShare: [0.5, 0.65], operating: 0.8 },
  基础设施: { medianYuan: 1.2e9, loanShare: [0.7, 0.85], operating: 0.2 },
  公共服务: { medianYuan: 3e8, loanShare: [0.3, 0.45], operating: 0.6 },
  能源: { medianYuan: 5e8, loanShare: [0.55, 0.7], operating: 0.5 },
};
/** Log-normal spread of a project's investment around its sector's median (the sectors overlap in scale). */
const PROJECT_INVESTMENT_SIGMA = 0.4;

/** The planted group of a generated project: "distressed" past 90 days overdue, else its sector. */
export function plantedProjectGroup(project: Pick<ProjectRow, "industry" | "overdueDays">): string {
  return project.overdueDays > 90 ? "distressed" : project.industry;
}

const SIZES: readonly [EnterpriseSize, number][] = [
  ["micro", 35],
  ["small", 35],
  ["medium", 22],
  ["large", 8],
];
/** Mean loans per customer by size before scaling to the requested total. */
const LOANS_PER_SIZE: Record<EnterpriseSize, number> = { micro: 1.5, small: 2.5, medium: 4, large: 6 };
const MEAN_LOANS_PER_CUSTOMER = SIZES.reduce((sum, [size, w]) => sum + LOANS_PER_SIZE[size] * w, 0) / 100;
const RATINGS = ["AAA", "AA+", "AA", "AA-", "A+", "A", "BBB", "BB+", "BB", "B"] as const;
const REVENUE_MEDIAN_YUAN: Record<EnterpriseSize, number> = { micro: 5e6, small: 3e7, medium: 2e8, large: 2e9 };
const DEMAND_MEDIAN_YUAN: Record<EnterpriseSize, number> = { micro: 3e5, small: 2e6, medium: 1.5e7, large: 8e7 };
const TIME_DEPOSIT_RATES: Record<number, number> = { 3: 1.05, 6: 1.25, 12: 1.45, 24: 1.6, 36: 1.8 };
const DAY_MS = 86_400_000;

/** Number of credit officers the customers are spread over (staff codes O001, O002, …). */
export function officerCount(customers: number): number {
  return Math.max(5, Math.ceil(customers / 100));
}

export function officerCode(index: number): string {
  return `O${String(index + 1).padStart(3, "0")}`;
}

/** Generates the records of customer `index` (0-based) of the world. */
export function generateCustomer(index: number, options: WorldOptions): CustomerBundle {
  const rng = createRng(deriveSeed(options.seed, index));
  const year = Number(options.period);
  const periodStart = Date.UTC(year, 0, 1);
  const periodEnd = Date.UTC(year + 1, 0, 1);
  const periodDays = Math.round((periodEnd - periodStart) / DAY_MS);
  const customerId = `C${String(index + 1).padStart(7, "0")}`;

  const drawnSize = pickWeighted(rng, SIZES);
  const drawnIndustry = pickWeighted(
    rng,
    INDUSTRIES.map((i) => [i.name, i.weight] as const),
  );
  const planted = plantArchetype(index, options, drawnIndustry);
  const archetype = planted?.archetype ?? null;
  const size = planted?.size ?? drawnSize;
  const industry = planted?.industry ?? drawnIndustry;
  const region = pickWeighted(
    rng,
    REGIONS.map((r) => [r.name, r.weight] as const),
  );
  // Latent risk in [0, 1): most customers are sound; micro firms lean riskier.
  const risk = Math.min(0.999, rng.uniform() ** (size === "micro" ? 1.6 : size === "small" ? 2 : 2.6));
  const isMissingRating = size === "micro" && rng.uniform() < 0.15;

  const customer: CustomerRow = {
    customerId,
    name: companyName(rng, region, industry, size),
    industry,
    region,
    size,
    creditRating: isMissingRating
      ? null
      : RATINGS[Math.min(RATINGS.length - 1, Math.floor((risk + rng.uniform() * 0.1) * RATINGS.length))]!,
    officer: officerCode(index % officerCount(options.customers)),
    debtRatioPct: fixed(clamp(35 + (archetype?.debtRatioShift ?? 0) + 40 * risk + gaussian(rng) * 8, 8, 98), 2),
    currentRatio: fixed(
      clamp(2.2 + (archetype?.currentRatioShift ?? 0) - 1.4 * risk + gaussian(rng) * 0.3, 0.3, 4.5),
      2,
    ),
    roaPct: fixed(clamp(8 + (archetype?.roaShift ?? 0) - 10 * risk + gaussian(rng) * 2, -15, 20), 2),
    revenueFen: yuanToFen(logNormal(rng, REVENUE_MEDIAN_YUAN[size], 0.7), 10_000),
    defaultCount: risk > 0.8 && rng.uniform() < 0.35 ? 1 + rng.int(2) : 0,
  };

  const loanScale = (options.loans ?? options.customers * 3) / options.customers / MEAN_LOANS_PER_CUSTOMER;
  const hasNoLoans = rng.uniform() < 0.05;
  const loanCount = hasNoLoans ? 0 : Math.max(1, poisson(rng, LOANS_PER_SIZE[size] * loanScale));
  const loans: LoanRow[] = [];
  for (let n = 0; n < loanCount; n++) {
    const product = pickWeighted(rng, archetype?.mix ?? PRODUCT_MIX[size]);
    const termMonths = product.terms[rng.int(product.terms.length)]!;
    const amountYuan = Math.max(product.minYuan, logNormal(rng, product.medianYuan, product.sigma));
    const rate = clamp(product.baseRate + product.riskSpread * risk + gaussian(rng) * 0.15, 2.6, 7.2);
    // Start so that the loan is live for part or all of the period.
    const monthsBeforeEnd = rng.uniform() * (termMonths + 11);
    const start = addMonths(periodEnd - DAY_MS, -monthsBeforeEnd);
    const maturity = addMonths(start, termMonths);
    const days = Math.max(1, Math.round((Math.min(maturity, periodEnd) - Math.max(start, periodStart)) / DAY_MS));
    const [lo, hi] = product.outstanding;
    const amountFen = yuanToFen(amountYuan, 1_000);
    loans.push({
      loanId: `LN${year}${String(index + 1).padStart(7, "0")}${String(n + 1).padStart(2, "0")}`,
      customerId,
      product: product.name,
      amountFen,
      ratePct: rate.toFixed(3),
      termMonths,
      startDate: isoDate(start),
      maturityDate: isoDate(maturity),
      guarantee: product.guarantees[rng.int(product.guarantees.length)]!,
      classification: drawClassification(rng, risk, size),
      avgDailyBalanceFen:
        ((amountFen * BigInt(Math.round((lo + rng.uniform() * (hi - lo)) * 1000))) / 1000n / 100n) * 100n,
      days: Math.min(days, periodDays),
    });
  }

  const deposits: DepositRow[] = [];
  if (rng.uniform() < 0.92) {
    deposits.push({
      accountId: `DA${String(index + 1).padStart(7, "0")}01`,
      customerId,
      product: "demand",
      avgDailyBalanceFen: yuanToFen(
        logNormal(rng, DEMAND_MEDIAN_YUAN[size] * (archetype?.depositScale ?? 1), 0.9),
        100,
      ),
      ratePct: ["0.100", "0.200", "0.250", "0.350"][rng.int(4)]!,
      days: rng.uniform() < 0.9 ? periodDays : 30 + rng.int(periodDays - 30),
      termMonths: 0,
    });
  }
  const timeDepositChance = { micro: 0.1, small: 0.25, medium: 0.4, large: 0.6 }[size];
  if (rng.uniform() < timeDepositChance) {
    const count = 1 + rng.int(2);
    for (let n = 0; n < count; n++) {
      const termMonths = [3, 6, 12, 24, 36][rng.int(5)]!;
      deposits.push({
        accountId: `DA${String(index + 1).padStart(7, "0")}${String(n + 2).padStart(2, "0")}`,
        customerId,
        product: "time",
        avgDailyBalanceFen: yuanToFen(logNormal(rng, DEMAND_MEDIAN_YUAN[size] * 2, 0.8), 10_000),
        ratePct: (TIME_DEPOSIT_RATES[termMonths]! + (rng.uniform() - 0.5) * 0.2).toFixed(3),
        days: rng.uniform() < 0.7 ? periodDays : 60 + rng.int(periodDays - 60),
        termMonths,
      });
    }
  }

  const fees: FeeRow[] = [];
  const feeCount = poisson(rng, { micro: 0.5, small: 1.5, medium: 3, large: 6 }[size]);
  for (let n = 0; n < feeCount; n++) {
    fees.push({
      lineKey: `FI${year}${String(index + 1).padStart(7, "0")}${String(n + 1).padStart(2, "0")}`,
      customerId,
      type: FEE_TYPES[rng.int(FEE_TYPES.length)]!,
      amountFen: yuanToFen(
        logNormal(rng, { micro: 3e3, small: 1.5e4, medium: 6e4, large: 2.5e5 }[size] * (archetype?.feeScale ?? 1), 0.8),
        1,
      ),
      date: isoDate(periodStart + rng.int(periodDays) * DAY_MS),
    });
  }

  const projects: ProjectRow[] = [];
  const projectChance = { micro: 0, small: 0.02, medium: 0.1, large: 0.3 }[size];
  if (rng.uniform() < projectChance) {
    const count = 1 + rng.int(2);
    for (let n = 0; n < count; n++) {
      const sector = PROJECT_SECTORS[rng.int(PROJECT_SECTORS.length)]!;
      const profile = PROJECT_PROFILES[sector.industry]!;
      const total = logNormal(rng, profile.medianYuan, PROJECT_INVESTMENT_SIGMA);
      // A deliberate hot spot: infrastructure in two central provinces shows more default signals.
      const isHotSpot = sector.industry === "基础设施" && (region === "河南" || region === "湖北");
      const signalChance = 0.08 + 0.25 * risk + (isHotSpot ? 0.3 : 0);
      const isSignalled = rng.uniform() < signalChance;
      // A distressed project is typically one whose construction stalled, and the bank rates it high risk.
      const isOperating = rng.uniform() < profile.operating && !isSignalled;
      projects.push({
        projectId: `PJ${String(index + 1).padStart(7, "0")}${String(n + 1).padStart(2, "0")}`,
        customerId,
        name: `${region}${sector.names[rng.int(sector.names.length)]!}项目`,
        industry: sector.industry,
        region,
        totalInvestmentFen: yuanToFen(total, 10_000),
        loanAmountFen: yuanToFen(
          total * (profile.loanShare[0] + rng.uniform() * (profile.loanShare[1] - profile.loanShare[0])),
          10_000,
        ),
        riskLevel: isSignalled || risk >= 0.6 ? "high" : risk < 0.3 ? "low" : "medium",
        status: isOperating ? "operating" : "construction",
        overdueDays: isSignalled && rng.uniform() < 0.7 ? 91 + rng.int(180) : rng.uniform() < 0.1 ? 1 + rng.int(60) : 0,
        isDowngraded: isSignalled && rng.uniform() < 0.5,
      });
    }
  }
  return { customer, loans, deposits, fees, projects };
}

function drawClassification(rng: Rng, risk: number, size: EnterpriseSize): Classification {
  const nonPerformingBoost = size === "micro" ? 1.6 : size === "small" ? 1.2 : 1;
  const pNotNormal = (0.01 + 0.12 * risk * risk) * nonPerformingBoost;
  const u = rng.uniform();
  if (u >= pNotNormal) return "normal";
  const share = u / pNotNormal;
  if (share < 0.55) return "special_mention";
  if (share < 0.75) return "substandard";
  if (share < 0.9) return "doubtful";
  return "loss";
}

function companyName(rng: Rng, region: string, industry: string, size: EnterpriseSize): string {
  const stem = NAME_STEMS[rng.int(NAME_STEMS.length)]! + NAME_STEMS[rng.int(NAME_STEMS.length)]!;
  const trades = NAME_TRADES[industry] ?? ["实业"];
  const suffix = size === "large" ? "股份有限公司" : "有限公司";
  return `${region}${stem}${trades[rng.int(trades.length)]!}${suffix}`;
}

function pickWeighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let u = rng.uniform() * total;
  for (const [item, w] of items) {
    u -= w;
    if (u < 0) return item;
  }
  return items[items.length - 1]![0];
}

function gaussian(rng: Rng): number {
  const u = 1 - rng.uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.uniform());
}

function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * gaussian(rng));
}

function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.uniform();
  while (p > limit) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}

/** Rounds a generated amount in yuan to a multiple of `stepYuan` and returns fen. */
function yuanToFen(yuan: number, stepYuan: number): bigint {
  return BigInt(Math.max(1, Math.round(yuan / stepYuan))) * BigInt(stepYuan) * 100n;
}

function addMonths(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const whole = Math.trunc(months);
  const shifted = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + whole, date.getUTCDate());
  return shifted + Math.round((months - whole) * 30) * DAY_MS;
}

function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
