import { ENTERPRISE_SIZES } from "@creditseg/core/constants";
import { z } from "zod";
import { parseEnterpriseSize } from "./choices";
import { amountColumn, choiceColumn, decimalColumn, integerColumn, textColumn } from "./column-builders";
import type { KindSpec } from "./column-spec";
import { fenInRange, intInRange, optionalSafeText, safeText } from "./row-rules";

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, { error: "invalid_number" });

/** A customer row (CRM master data); shared with the API. */
export const customerRowSchema = z.object({
  customerId: safeText(64),
  name: safeText(200),
  industry: safeText(100),
  region: safeText(100),
  size: z.enum(ENTERPRISE_SIZES, { error: "invalid_choice" }),
  creditRating: optionalSafeText(20),
  officer: safeText(64),
  debtRatioPct: decimalText.nullable(),
  currentRatio: decimalText.nullable(),
  roaPct: decimalText.nullable(),
  revenueFen: fenInRange().nullable(),
  defaultCount: intInRange(0, 1000),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const CUSTOMER_SPEC: KindSpec = {
  kind: "customers",
  labelZh: "客户",
  table: "customers",
  columns: [
    textColumn({
      name: "customer_id",
      field: "customerId",
      labelZh: "客户编号",
      aliases: ["客户号", "客户代码", "cust_id", "customer no"],
      example: "C000001",
    }),
    textColumn({
      name: "name",
      field: "name",
      labelZh: "客户名称",
      aliases: ["企业名称", "客户名", "customer_name", "company"],
      example: "杭州示例机械制造有限公司",
    }),
    textColumn({
      name: "industry",
      field: "industry",
      labelZh: "行业",
      aliases: ["所属行业", "行业分类"],
      example: "制造业",
    }),
    textColumn({
      name: "region",
      field: "region",
      labelZh: "地区",
      aliases: ["所属地区", "区域", "地域"],
      example: "浙江",
    }),
    choiceColumn(
      {
        name: "size",
        field: "size",
        labelZh: "企业规模",
        aliases: ["规模", "企业类型", "enterprise_size"],
        example: "小型",
      },
      parseEnterpriseSize,
    ),
    textColumn({
      name: "credit_rating",
      field: "creditRating",
      labelZh: "信用评级",
      aliases: ["评级", "信用等级", "rating"],
      example: "AA",
      isRequired: false,
      emptyValue: null,
    }),
    textColumn({
      name: "officer",
      field: "officer",
      labelZh: "客户经理",
      aliases: ["信贷员", "管户经理", "客户经理编号", "officer_code"],
      example: "E1001",
    }),
    decimalColumn({
      name: "debt_ratio",
      field: "debtRatioPct",
      labelZh: "资产负债率",
      aliases: ["debt_ratio_pct", "负债率"],
      example: "62.5",
      isRequired: false,
      emptyValue: null,
    }),
    decimalColumn({
      name: "current_ratio",
      field: "currentRatio",
      labelZh: "流动比率",
      aliases: [],
      example: "1.35",
      isRequired: false,
      emptyValue: null,
    }),
    decimalColumn({
      name: "roa",
      field: "roaPct",
      labelZh: "总资产收益率",
      aliases: ["roa_pct", "资产收益率", "ROA"],
      example: "4.2",
      isRequired: false,
      emptyValue: null,
    }),
    amountColumn({
      name: "revenue",
      field: "revenueFen",
      labelZh: "营业收入",
      aliases: ["营收", "销售收入", "revenue_yuan"],
      example: "58,000,000.00",
      isRequired: false,
      emptyValue: null,
    }),
    integerColumn({
      name: "default_count",
      field: "defaultCount",
      labelZh: "违约次数",
      aliases: ["违约记录", "defaults"],
      example: "0",
      isRequired: false,
      emptyValue: 0,
    }),
  ],
  schema: customerRowSchema,
  keyFields: ["customerId"],
  isPeriodic: false,
  totalField: null,
  customerField: null,
  dbFields: [
    "customerId",
    "name",
    "industry",
    "region",
    "size",
    "creditRating",
    "officer",
    "debtRatioPct",
    "currentRatio",
    "roaPct",
    "revenueFen",
    "defaultCount",
  ],
  updateExtras: "updated_at = now()",
};
