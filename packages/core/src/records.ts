import type { Classification, DepositProduct, EnterpriseSize, FtpSide, GuaranteeType } from "./constants";

/**
 * Domain records as the engine sees them, independent of where they came from (database, CSV).
 * Money is integer fen (bigint). Rates are annual percent as exact decimal strings ("4.35" = 4.35%).
 */
export type CustomerRecord = {
  customerId: string;
  name: string;
  industry: string;
  region: string;
  size: EnterpriseSize;
  /** External or internal credit rating as written by the bank, e.g. "AA", "BBB+". */
  creditRating: string | null;
  /** Login / staff id of the assigned credit officer (客户经理). */
  officer: string;
  /** 资产负债率, percent (65.2 = 65.2%). */
  debtRatioPct: number | null;
  /** 流动比率, a plain ratio (1.35). */
  currentRatio: number | null;
  /** Return on assets, percent. */
  roaPct: number | null;
  /** 营业收入, annual revenue in fen. */
  revenueFen: bigint | null;
  /** Number of defaults on record (违约记录). */
  defaultCount: number;
};

export type LoanRecord = {
  loanId: string;
  customerId: string;
  product: string;
  amountFen: bigint;
  /** 执行利率, annual percent, exact decimal string. */
  ratePct: string;
  termMonths: number;
  startDate: string;
  maturityDate: string;
  guarantee: GuaranteeType;
  classification: Classification;
  /** 考核贷款年日均 over the period, fen. */
  avgDailyBalanceFen: bigint;
  /** 累计天数 in the period. */
  days: number;
};

export type DepositRecord = {
  accountId: string;
  customerId: string;
  product: DepositProduct;
  avgDailyBalanceFen: bigint;
  ratePct: string;
  days: number;
  /** 0 for demand deposits. */
  termMonths: number;
};

export type FeeRecord = {
  /** The line's natural key within its period (the bank's own, or a content hash). */
  lineKey: string;
  customerId: string;
  type: string;
  amountFen: bigint;
  date: string;
};

export type ProjectRecord = {
  projectId: string;
  customerId: string;
  name: string;
  industry: string;
  region: string;
  totalInvestmentFen: bigint;
  loanAmountFen: bigint;
  /** low / medium / high (or the bank's own words). */
  riskLevel: string;
  status: string;
  overdueDays: number;
  isDowngraded: boolean;
};

export type FtpPoint = {
  side: FtpSide;
  /** Upper bound of the term bucket in months, inclusive; null = no upper bound. */
  maxTermMonths: number | null;
  ratePct: string;
  effectiveFrom: string;
};
