import { CLASSIFICATIONS, GUARANTEE_TYPES } from "@creditseg/core/constants";
import { z } from "zod";
import { parseClassification, parseGuarantee } from "./choices";
import { amountColumn, choiceColumn, dateColumn, integerColumn, rateColumn, textColumn } from "./column-builders";
import type { Period } from "@creditseg/core/calendar";
import type { KindSpec, RowFinding } from "./column-spec";
import {
  daysInclusive,
  intInRange,
  isoDate,
  nonNegativeFen,
  periodDaysAllowance,
  ratePctInRange,
  safeText,
} from "./row-rules";

/** Bounds of the loans table's checks: rate 0–36 % a year (above is usury), term 1–600 months, days 0–366. */
export const LOAN_RATE_RANGE = { min: 0, max: 36 } as const;

/** A loan (借据) row for one period; shared with the API. */
export const loanRowSchema = z
  .object({
    loanId: safeText(64),
    customerId: safeText(64),
    product: safeText(100),
    amountFen: nonNegativeFen(),
    ratePct: ratePctInRange(LOAN_RATE_RANGE.min, LOAN_RATE_RANGE.max),
    termMonths: intInRange(1, 600),
    startDate: isoDate(),
    maturityDate: isoDate(),
    guarantee: z.enum(GUARANTEE_TYPES, { error: "invalid_choice" }),
    classification: z.enum(CLASSIFICATIONS, { error: "invalid_choice" }),
    avgDailyBalanceFen: nonNegativeFen(),
    days: intInRange(0, 366),
  })
  .refine((row) => row.maturityDate >= row.startDate, { error: "maturity_before_start", path: ["maturityDate"] });
export type LoanRow = z.infer<typeof loanRowSchema>;

/** Loan rates below this (annual percent) look like fractions typed for percents: 0.0435 for 4.35 %. */
const FRACTION_LIKE_RATE_PCT = 1;

/**
 * A loan against its period: it must be alive during the period (not starting after its end, not matured before its
 * start), and its days can be neither more than the period counts nor more than the loan lived. A rate below 1 %
 * is a warning: cheap loans exist, but 0.0435 is far more often a fraction.
 */
export function checkLoanAgainstPeriod(row: LoanRow, period: Period): RowFinding[] {
  const findings: RowFinding[] = [];
  const periodParams = { period: period.code, periodStart: period.start, periodEnd: period.end };
  if (row.startDate > period.end)
    findings.push({
      field: "startDate",
      code: "start_after_period",
      severity: "reject",
      params: periodParams,
    });
  if (row.maturityDate < period.start)
    findings.push({
      field: "maturityDate",
      code: "matured_before_period",
      severity: "reject",
      params: periodParams,
    });
  const allowance = periodDaysAllowance(period);
  if (row.days > allowance) {
    findings.push({
      field: "days",
      code: "days_exceed_period",
      severity: "reject",
      params: { days: row.days, maxDays: allowance, ...periodParams },
    });
  }
  const life = daysInclusive(row.startDate, row.maturityDate);
  if (row.days > life) {
    findings.push({
      field: "days",
      code: "days_exceed_loan_life",
      severity: "reject",
      params: { days: row.days, maxDays: life, startDate: row.startDate, maturityDate: row.maturityDate },
    });
  }
  const rate = Number(row.ratePct);
  if (rate > 0 && rate < FRACTION_LIKE_RATE_PCT)
    findings.push({ field: "ratePct", code: "rate_may_be_fraction", severity: "warning" });
  return findings;
}

export const LOAN_SPEC: KindSpec = {
  kind: "loans",
  labelZh: "贷款",
  table: "loans",
  columns: [
    textColumn({
      name: "loan_id",
      field: "loanId",
      labelZh: "借据号",
      aliases: ["借据编号", "贷款编号", "贷款账号", "loan_no"],
      example: "L2025000001",
    }),
    textColumn({
      name: "customer_id",
      field: "customerId",
      labelZh: "客户编号",
      aliases: ["客户号", "客户代码", "cust_id"],
      example: "C000001",
    }),
    textColumn({
      name: "product",
      field: "product",
      labelZh: "产品",
      aliases: ["贷款产品", "产品名称", "业务品种"],
      example: "流动资金贷款",
    }),
    amountColumn({
      name: "amount",
      field: "amountFen",
      labelZh: "金额",
      aliases: ["贷款金额", "发放金额", "合同金额", "借据金额", "amount_yuan"],
      example: "5,000,000.00",
    }),
    rateColumn({
      name: "rate",
      field: "ratePct",
      labelZh: "执行利率",
      aliases: ["利率", "执行年利率", "rate_pct", "interest_rate"],
      example: "4.35",
    }),
    integerColumn({
      name: "term_months",
      field: "termMonths",
      labelZh: "期限(月)",
      aliases: ["期限", "贷款期限", "期限月", "term"],
      example: "12",
    }),
    dateColumn({
      name: "start_date",
      field: "startDate",
      labelZh: "起始日",
      aliases: ["发放日", "发放日期", "起始日期", "放款日期", "value_date"],
      example: "2025-01-15",
    }),
    dateColumn({
      name: "maturity_date",
      field: "maturityDate",
      labelZh: "到期日",
      aliases: ["到期日期", "maturity"],
      example: "2026-01-15",
    }),
    choiceColumn(
      {
        name: "guarantee",
        field: "guarantee",
        labelZh: "担保方式",
        aliases: ["主要担保方式", "guarantee_type"],
        example: "保证",
      },
      parseGuarantee,
    ),
    choiceColumn(
      {
        name: "classification",
        field: "classification",
        labelZh: "五级分类",
        aliases: ["贷款五级分类", "风险分类", "五级分类结果"],
        example: "正常",
      },
      parseClassification,
    ),
    amountColumn({
      name: "avg_daily_balance",
      field: "avgDailyBalanceFen",
      labelZh: "年日均余额",
      aliases: ["考核贷款年日均", "贷款年日均", "日均余额", "年日均", "avg_balance"],
      example: "4,200,000.00",
    }),
    integerColumn({ name: "days", field: "days", labelZh: "天数", aliases: ["累计天数", "计息天数"], example: "360" }),
  ],
  schema: loanRowSchema,
  checkAgainstPeriod: (row, period) => checkLoanAgainstPeriod(row as LoanRow, period),
  keyFields: ["period", "loanId"],
  isPeriodic: true,
  totalField: "avgDailyBalanceFen",
  customerField: "customerId",
  dbFields: [
    "loanId",
    "customerId",
    "product",
    "amountFen",
    "ratePct",
    "termMonths",
    "startDate",
    "maturityDate",
    "guarantee",
    "classification",
    "avgDailyBalanceFen",
    "days",
  ],
};
