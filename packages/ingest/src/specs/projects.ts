import { z } from "zod";
import { parseYesNo } from "./choices";
import { amountColumn, booleanColumn, integerColumn, textColumn } from "./column-builders";
import type { KindSpec } from "./column-spec";
import { intInRange, nonNegativeFen, safeText } from "./row-rules";

/** A project-finance project as of the end of a period; shared with the API. */
export const projectRowSchema = z.object({
  projectId: safeText(64),
  customerId: safeText(64),
  name: safeText(200),
  industry: safeText(100),
  region: safeText(100),
  totalInvestmentFen: nonNegativeFen(),
  loanAmountFen: nonNegativeFen(),
  riskLevel: safeText(40),
  status: safeText(40),
  overdueDays: intInRange(0, 100_000),
  isDowngraded: z.boolean(),
});
export type ProjectRow = z.infer<typeof projectRowSchema>;

export const PROJECT_SPEC: KindSpec = {
  kind: "projects",
  labelZh: "项目",
  table: "projects",
  columns: [
    textColumn({
      name: "project_id",
      field: "projectId",
      labelZh: "项目编号",
      aliases: ["项目号", "项目代码", "project_no"],
      example: "P2025001",
    }),
    textColumn({
      name: "customer_id",
      field: "customerId",
      labelZh: "客户编号",
      aliases: ["发起人客户编号", "项目发起人", "sponsor_id", "cust_id"],
      example: "C000001",
    }),
    textColumn({
      name: "name",
      field: "name",
      labelZh: "项目名称",
      aliases: ["项目", "project_name"],
      example: "滨江污水处理厂二期",
    }),
    textColumn({
      name: "industry",
      field: "industry",
      labelZh: "行业",
      aliases: ["所属行业", "项目行业"],
      example: "公共服务",
    }),
    textColumn({
      name: "region",
      field: "region",
      labelZh: "地区",
      aliases: ["所属地区", "项目地区", "区域"],
      example: "浙江",
    }),
    amountColumn({
      name: "total_investment",
      field: "totalInvestmentFen",
      labelZh: "总投资",
      aliases: ["项目总投资", "总投资额"],
      example: "800,000,000.00",
    }),
    amountColumn({
      name: "loan_amount",
      field: "loanAmountFen",
      labelZh: "贷款金额",
      aliases: ["项目贷款金额", "授信金额", "融资金额"],
      example: "500,000,000.00",
    }),
    textColumn({
      name: "risk_level",
      field: "riskLevel",
      labelZh: "风险等级",
      aliases: ["风险级别", "风险"],
      example: "medium",
    }),
    textColumn({ name: "status", field: "status", labelZh: "状态", aliases: ["项目状态"], example: "建设期" }),
    integerColumn({
      name: "overdue_days",
      field: "overdueDays",
      labelZh: "逾期天数",
      aliases: ["逾期天", "overdue"],
      example: "0",
      isRequired: false,
      emptyValue: 0,
    }),
    booleanColumn(
      {
        name: "downgraded",
        field: "isDowngraded",
        labelZh: "是否降级",
        aliases: ["降级", "is_downgraded"],
        example: "否",
        isRequired: false,
        emptyValue: false,
      },
      parseYesNo,
    ),
  ],
  schema: projectRowSchema,
  keyFields: ["period", "projectId"],
  isPeriodic: true,
  totalField: "loanAmountFen",
  customerField: "customerId",
  dbFields: [
    "projectId",
    "customerId",
    "name",
    "industry",
    "region",
    "totalInvestmentFen",
    "loanAmountFen",
    "riskLevel",
    "status",
    "overdueDays",
    "isDowngraded",
  ],
};
