/**
 * The attributes a segment run groups customers and projects on (names are the codes profiles, names
 * and guidance rules use). Units: ratios and shares as plain numbers (share 0..1), percentages as
 * percent, money in CNY (logged with log1p before scaling).
 */
export const CUSTOMER_GROUP_ATTRIBUTES = {
  numeric: [
    /** 资产负债率, percent. */
    { name: "debt_ratio_pct" },
    /** 流动比率. */
    { name: "current_ratio" },
    /** Return on assets, percent. */
    { name: "roa_pct" },
    /** 营业收入, CNY. */
    { name: "revenue", log: true },
    /** Share of the customer's average loan balance under collateral or pledge (0..1): low = asset-light. */
    { name: "secured_share" },
    /** Share of the average loan balance lent on credit alone (0..1). */
    { name: "credit_share" },
    /** Deposits ÷ (deposits + loans), on average daily balances (0..1). */
    { name: "deposit_share" },
    /** Fee income (中间业务收入) in the period, CNY. */
    { name: "fee_income", log: true },
  ],
  categorical: ["industry", "size", "main_guarantee"],
} as const;

export const PROJECT_GROUP_ATTRIBUTES = {
  numeric: [
    /** Total investment, CNY. */
    { name: "total_investment", log: true },
    /** Loan amount ÷ total investment (0..1 and above). */
    { name: "loan_to_investment" },
    /** Days overdue. */
    { name: "overdue_days", log: true },
  ],
  categorical: ["industry", "region", "risk_level", "status"],
} as const;

export const CUSTOMER_GROUP_ATTRIBUTE_NAMES: readonly string[] = [
  ...CUSTOMER_GROUP_ATTRIBUTES.numeric.map((a) => a.name),
  ...CUSTOMER_GROUP_ATTRIBUTES.categorical,
];
