import { createHash } from "node:crypto";
import { z } from "zod";
import { amountColumn, dateColumn, textColumn } from "./column-builders";
import type { KindSpec } from "./column-spec";
import { isoDate, nonNegativeFen, safeText } from "./row-rules";

/** A fee-income (中间业务收入) line; shared with the API. `lineKey` is null when the file has no line id. */
export const feeRowSchema = z.object({
  lineKey: safeText(100).nullable(),
  customerId: safeText(64),
  type: safeText(100),
  amountFen: nonNegativeFen(),
  date: isoDate(),
});
export type FeeRow = z.infer<typeof feeRowSchema>;

/**
 * Without a line id, a line's key is a hash of its content plus its occurrence number, so the same
 * file always yields the same keys (re-uploads amend instead of adding) and identical lines stay apart.
 */
function createFeeLineKeyFinisher(): (row: Record<string, unknown>) => Record<string, unknown> {
  const occurrences = new Map<string, number>();
  return (row) => {
    if (row.lineKey) return row;
    const content = `${String(row.customerId)}\u001f${String(row.type)}\u001f${String(row.amountFen)}\u001f${String(row.date)}`;
    const digest = createHash("sha256").update(content).digest("hex").slice(0, 24);
    const occurrence = (occurrences.get(digest) ?? 0) + 1;
    occurrences.set(digest, occurrence);
    return { ...row, lineKey: `h:${digest}:${occurrence}` };
  };
}

export const FEE_SPEC: KindSpec = {
  kind: "fees",
  labelZh: "中间业务收入",
  table: "fee_income",
  columns: [
    textColumn({
      name: "line_id",
      field: "lineKey",
      labelZh: "流水号",
      aliases: ["交易流水号", "收入流水号", "line_key"],
      example: "F2025000001",
      isRequired: false,
      emptyValue: null,
    }),
    textColumn({
      name: "customer_id",
      field: "customerId",
      labelZh: "客户编号",
      aliases: ["客户号", "客户代码", "cust_id"],
      example: "C000001",
    }),
    textColumn({
      name: "type",
      field: "type",
      labelZh: "业务类型",
      aliases: ["类型", "收入类型", "中间业务类型", "fee_type"],
      example: "结算手续费",
    }),
    amountColumn({
      name: "amount",
      field: "amountFen",
      labelZh: "金额",
      aliases: ["收入金额", "手续费收入", "中间业务收入", "fee_amount"],
      example: "20,000.00",
    }),
    dateColumn({
      name: "date",
      field: "date",
      labelZh: "日期",
      aliases: ["入账日期", "交易日期", "收入日期", "fee_date"],
      example: "2025-03-31",
    }),
  ],
  schema: feeRowSchema,
  keyFields: ["period", "lineKey"],
  isPeriodic: true,
  totalField: "amountFen",
  customerField: "customerId",
  dbFields: ["lineKey", "customerId", "type", "amountFen", "date"],
  createRowFinisher: createFeeLineKeyFinisher,
};
