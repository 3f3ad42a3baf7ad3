import type { Policy } from "./policy-schema";
import { clusteringSettingsSchema } from "../clustering/settings";
import { groupingSettingsSchema, type GuidanceRule } from "../grouping/settings";

/**
 * Products attached to customer groups by their profile (seed 000): asset-light groups (loans rarely
 * secured) in technology or business services, or borrowing on credit, → IP-pledge loans 知识产权质押贷款;
 * trade groups → receivables pledge 应收账款质押贷款; heavily secured manufacturing / energy / construction
 * groups → fixed-asset and equipment loans 固定资产贷款. Numeric thresholds are z units of the portfolio.
 */
const DEFAULT_GROUP_GUIDANCE: GuidanceRule[] = [
  {
    code: "ip_pledge_loan",
    all: [{ attribute: "secured_share", below: -0.5 }],
    any: [
      { attribute: "industry", in: ["信息技术服务业", "租赁和商务服务业"], minShare: 0.4 },
      { attribute: "main_guarantee", in: ["credit"], minShare: 0.5 },
    ],
  },
  {
    code: "receivables_pledge",
    all: [],
    any: [{ attribute: "industry", in: ["批发和零售业"], minShare: 0.4 }],
  },
  {
    code: "fixed_asset_loan",
    all: [{ attribute: "secured_share", above: 0.5 }],
    any: [{ attribute: "industry", in: ["制造业", "电力热力燃气业", "建筑业"], minShare: 0.4 }],
  },
];

/**
 * The default policy: the seed study's tiers and a documented scorecard, with a 2025-level FTP curve.
 *
 * - Tax 5.5 % on interest income, 360-day basis (docs/DOMAIN.md).
 * - FTP (annual %): loans ≤ 6 m 2.00, ≤ 12 m 2.20, ≤ 36 m 2.50, ≤ 60 m 2.80, longer 3.20;
 *   deposits demand (term 0) 1.20, ≤ 3 m 1.40, ≤ 6 m 1.60, ≤ 12 m 1.80, ≤ 24 m 2.00, longer 2.30.
 * - Tiers: core ≥ 1,000,000 CNY and normal; basic ≥ 0 and normal; general otherwise.
 * - Grade scorecard (100 points at best): credit rating 25, debt ratio 15, current ratio 10, ROA 10,
 *   size 10, worst classification 20 (non-performing loans subtract, so they always land in B),
 *   default history 10. Cut-offs: AAA ≥ 80, AA ≥ 65, A ≥ 50, else B.
 * - Project-group warning: a signal is > 90 days overdue or downgraded; flag groups of ≥ 3 projects
 *   whose signal rate exceeds 10 %, or rose by more than 5 percentage points since the previous run.
 * - Groups (客户群体): k-prototypes with Huang's γ, k 2..8 by silhouette, 5 restarts; guidance below.
 */
export const DEFAULT_POLICY: Policy = {
  taxRate: 5.5,
  dayCountBasis: 360,
  ftp: {
    loan: [
      { maxTermMonths: 6, rate: 2.0 },
      { maxTermMonths: 12, rate: 2.2 },
      { maxTermMonths: 36, rate: 2.5 },
      { maxTermMonths: 60, rate: 2.8 },
      { maxTermMonths: null, rate: 3.2 },
    ],
    deposit: [
      { maxTermMonths: 0, rate: 1.2 },
      { maxTermMonths: 3, rate: 1.4 },
      { maxTermMonths: 6, rate: 1.6 },
      { maxTermMonths: 12, rate: 1.8 },
      { maxTermMonths: 24, rate: 2.0 },
      { maxTermMonths: null, rate: 2.3 },
    ],
  },
  tiers: [
    { name: "core", labelZh: "核心客户", minContribution: 1_000_000, classifications: ["normal"] },
    { name: "basic", labelZh: "基础客户", minContribution: 0, classifications: ["normal"] },
    { name: "general", labelZh: "一般客户" },
  ],
  grades: {
    factors: {
      creditRating: {
        bins: [
          { values: ["AAA", "AA+", "AA"], points: 25 },
          { values: ["AA-", "A+", "A", "A-"], points: 18 },
          { values: ["BBB+", "BBB", "BBB-"], points: 12 },
          { values: ["BB+", "BB", "BB-"], points: 6 },
        ],
        otherPoints: 0,
        missingPoints: 6,
      },
      debtRatio: {
        bins: [
          { upTo: 50, points: 15 },
          { upTo: 65, points: 10 },
          { upTo: 80, points: 5 },
          { upTo: null, points: 0 },
        ],
        missingPoints: 5,
      },
      currentRatio: {
        bins: [
          { upTo: 0.8, points: 0 },
          { upTo: 1.2, points: 4 },
          { upTo: 1.8, points: 7 },
          { upTo: null, points: 10 },
        ],
        missingPoints: 3,
      },
      roa: {
        bins: [
          { upTo: 0, points: 0 },
          { upTo: 3, points: 4 },
          { upTo: 6, points: 7 },
          { upTo: null, points: 10 },
        ],
        missingPoints: 3,
      },
      size: { micro: 2, small: 4, medium: 7, large: 10 },
      worstClassification: { normal: 20, special_mention: 5, substandard: -40, doubtful: -60, loss: -80 },
      defaultHistory: {
        bins: [
          { upTo: 0, points: 10 },
          { upTo: 1, points: 3 },
          { upTo: null, points: 0 },
        ],
        missingPoints: 0,
      },
    },
    cutoffs: { AAA: 80, AA: 65, A: 50 },
  },
  clustering: clusteringSettingsSchema.parse({}),
  grouping: groupingSettingsSchema.parse({ guidance: DEFAULT_GROUP_GUIDANCE }),
  warnings: { overdueDaysThreshold: 90, maxSignalRatePct: 10, minGroupSize: 3, maxRisePctPoints: 5 },
  guidance: {
    tiers: {
      core: {
        pricingFloorPct: 3.0,
        maxTermMonths: 120,
        requiresCollateral: false,
        approvalLevel: "branch",
        textZh: "核心客户：优先保障额度，可给予优惠定价与综合金融服务。",
        textEn: "Core customer: secure credit lines first; preferential pricing and bundled services allowed.",
      },
      basic: {
        pricingFloorPct: 3.45,
        maxTermMonths: 60,
        requiresCollateral: false,
        approvalLevel: "regional",
        textZh: "基础客户：按标准定价，交叉营销存款与中间业务以提升贡献。",
        textEn: "Basic customer: standard pricing; cross-sell deposits and fee services to raise contribution.",
      },
      general: {
        pricingFloorPct: 4.2,
        maxTermMonths: 24,
        requiresCollateral: true,
        approvalLevel: "head_office",
        textZh: "一般客户：从严授信，要求抵质押，压缩期限，关注风险分类变化。",
        textEn: "General customer: tighten credit, require collateral, shorten terms, watch classification.",
      },
    },
    grades: {
      AAA: {
        pricingFloorPct: 3.0,
        maxTermMonths: 120,
        requiresCollateral: false,
        approvalLevel: "branch",
        textZh: "优质：可发放信用贷款，适度让利。",
        textEn: "Prime: unsecured lending allowed, modest rate concessions.",
      },
      AA: {
        pricingFloorPct: 3.45,
        maxTermMonths: 60,
        requiresCollateral: false,
        approvalLevel: "regional",
        textZh: "一般：标准定价，保证或抵押视额度而定。",
        textEn: "Standard: standard pricing; guarantee or collateral depending on amount.",
      },
      A: {
        pricingFloorPct: 4.2,
        maxTermMonths: 36,
        requiresCollateral: true,
        approvalLevel: "head_office",
        textZh: "潜在风险：须抵质押，缩短期限，加强贷后检查。",
        textEn: "Watch: collateral required, shorter terms, closer post-loan monitoring.",
      },
      B: {
        pricingFloorPct: 5.5,
        maxTermMonths: 12,
        requiresCollateral: true,
        approvalLevel: "credit_committee",
        textZh: "高风险：原则上不新增授信，存量逐步压退。",
        textEn: "High risk: no new credit in principle; reduce existing exposure.",
      },
    },
  },
};
