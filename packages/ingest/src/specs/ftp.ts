import { FTP_SIDES } from "@creditseg/core/constants";
import { z } from "zod";
import { parseFtpSide } from "./choices";
import { choiceColumn, dateColumn, integerColumn, rateColumn } from "./column-builders";
import type { KindSpec } from "./column-spec";
import { intInRange, isoDate, ratePctInRange } from "./row-rules";

/** One FTP curve point; shared with the API. `maxTermMonths` null = the open-ended last bucket. */
export const ftpRowSchema = z.object({
  side: z.enum(FTP_SIDES, { error: "invalid_choice" }),
  maxTermMonths: intInRange(0, 600).nullable(),
  ratePct: ratePctInRange(0, 20),
  effectiveFrom: isoDate(),
});
export type FtpRow = z.infer<typeof ftpRowSchema>;

export const FTP_SPEC: KindSpec = {
  kind: "ftp",
  labelZh: "FTP 曲线",
  table: "ftp_curves",
  columns: [
    choiceColumn(
      { name: "side", field: "side", labelZh: "方向", aliases: ["业务方向", "资产负债方向", "类型"], example: "贷款" },
      parseFtpSide,
    ),
    integerColumn({
      name: "max_term_months",
      field: "maxTermMonths",
      labelZh: "期限上限(月)",
      aliases: ["期限档次(月)", "期限上限", "term_bucket", "max_term"],
      example: "12",
      isRequired: false,
      emptyValue: null,
    }),
    rateColumn({
      name: "rate",
      field: "ratePct",
      labelZh: "FTP利率",
      aliases: ["FTP价格", "内部资金转移价格", "利率", "ftp_rate", "rate_pct"],
      example: "2.85",
    }),
    dateColumn({
      name: "effective_from",
      field: "effectiveFrom",
      labelZh: "生效日期",
      aliases: ["生效日", "起始日期", "effective_date"],
      example: "2025-01-01",
    }),
  ],
  schema: ftpRowSchema,
  keyFields: ["side", "maxTermMonths", "effectiveFrom"],
  nullableKeyFields: ["maxTermMonths"],
  isPeriodic: false,
  totalField: null,
  customerField: null,
  dbFields: ["side", "maxTermMonths", "ratePct", "effectiveFrom"],
};
