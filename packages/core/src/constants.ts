/** Roles of CreditSeg users; the database enum and the permission table are built from this list. */
export const ROLES = ["admin", "risk_manager", "credit_officer"] as const;
export type Role = (typeof ROLES)[number];

/** Five-category loan classification (贷款五级分类), best to worst. Order matters: index = severity. */
export const CLASSIFICATIONS = ["normal", "special_mention", "substandard", "doubtful", "loss"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
/** Non-performing (不良) = the last three classes. */
export const NON_PERFORMING: readonly Classification[] = ["substandard", "doubtful", "loss"];

/** Risk grades (风险等级), best to worst. */
export const GRADES = ["AAA", "AA", "A", "B"] as const;
export type Grade = (typeof GRADES)[number];

export const ENTERPRISE_SIZES = ["micro", "small", "medium", "large"] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const GUARANTEE_TYPES = ["credit", "guarantee", "collateral", "pledge"] as const;
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number];

export const DEPOSIT_PRODUCTS = ["demand", "time"] as const;
export type DepositProduct = (typeof DEPOSIT_PRODUCTS)[number];

export const FTP_SIDES = ["loan", "deposit"] as const;
export type FtpSide = (typeof FTP_SIDES)[number];

export const POLICY_STATUSES = ["draft", "submitted", "active", "retired", "rejected"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const OVERRIDE_STATUSES = ["proposed", "approved", "rejected", "expired"] as const;
export type OverrideStatus = (typeof OVERRIDE_STATUSES)[number];

export const IMPORT_KINDS = ["customers", "loans", "deposits", "fees", "projects", "ftp"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ["validated", "committed", "rejected", "rolled_back", "duplicate"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Chinese labels users read and type. */
export const CLASSIFICATION_LABELS_ZH: Record<Classification, string> = {
  normal: "正常",
  special_mention: "关注",
  substandard: "次级",
  doubtful: "可疑",
  loss: "损失",
};
