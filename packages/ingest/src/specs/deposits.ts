import { DEPOSIT_PRODUCTS } from "@creditseg/core/constants";
import { z } from "zod";
import { parseDepositProduct } from "./choices";
import { amountColumn, choiceColumn, integerColumn, rateColumn, textColumn } from "./column-builders";
import type { KindSpec } from "./column-spec";
import { intInRange, nonNegativeFen, periodDaysAllowance, ratePctInRange, safeText } from "./row-rules";

/** A deposit account row for one period; shared with the API. */
export const depositRowSchema = z.object({
  accountId: safeText(64),
  customerId: safeText(64),
  product: z.enum(DEPOSIT_PRODUCTS, { error: "invalid_choice" }),
  avgDailyBalanceFen: nonNegativeFen(),
  ratePct: ratePctInRange(0, 20),
  days: intInRange(0, 366),
  termMonths: intInRange(0, 600),
});
export type DepositRow = z.infer<typeof depositRowSchema>;

export const DEPOSIT_SPEC: KindSpec = {
  kind: "deposits",
  labelZh: "存款",
  table: "deposits",
  columns: [
    textColumn({
      name: "account_id",
      field: "accountId",
      labelZh: "账号",
      aliases: ["存款账号", "账户", "account_no"],
      example: "D6222000001",
    }),
    textColumn({
      name: "customer_id",
      field: "customerId",
      labelZh: "客户编号",
      aliases: ["客户号", "客户代码", "cust_id"],
      example: "C000001",
    }),
    choiceColumn(
      {
        name: "product",
        field: "product",
        labelZh: "产品",
        aliases: ["存款产品", "存款种类", "存款类型"],
        example: "活期",
      },
      parseDepositProduct,
    ),
    amountColumn({
      name: "avg_daily_balance",
      field: "avgDailyBalanceFen",
      labelZh: "年日均余额",
      aliases: ["考核存款年日均", "存款年日均", "日均余额", "年日均", "avg_balance"],
      example: "2,500,000.00",
    }),
    rateColumn({
      name: "rate",
      field: "ratePct",
      labelZh: "执行利率",
      aliases: ["利率", "存款利率", "rate_pct"],
      example: "0.35",
    }),
    integerColumn({ name: "days", field: "days", labelZh: "天数", aliases: ["累计天数", "计息天数"], example: "360" }),
    integerColumn({
      name: "term_months",
      field: "termMonths",
      labelZh: "期限(月)",
      aliases: ["期限", "存期", "存期(月)"],
      example: "0",
      isRequired: false,
      emptyValue: 0,
    }),
  ],
  schema: depositRowSchema,
  checkAgainstPeriod: (row, period) => {
    const days = (row as DepositRow).days;
    const allowance = periodDaysAllowance(period);
    return days > allowance
      ? [
          {
            field: "days",
            code: "days_exceed_period",
            severity: "reject",
            params: { days, maxDays: allowance, period: period.code, periodStart: period.start, periodEnd: period.end },
          },
        ]
      : [];
  },
  keyFields: ["period", "accountId"],
  isPeriodic: true,
  totalField: "avgDailyBalanceFen",
  customerField: "customerId",
  dbFields: ["accountId", "customerId", "product", "avgDailyBalanceFen", "ratePct", "days", "termMonths"],
};
