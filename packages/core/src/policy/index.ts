export { APPROVAL_LEVELS, policySchema } from "./policy-schema";
export type {
  ApprovalLevel,
  CategoricalFactor,
  FtpBucket,
  GradeScorecard,
  GuidanceEntry,
  NumericFactor,
  Policy,
  PolicyInput,
  TierRule,
  WarningLimits,
} from "./policy-schema";
export { DEFAULT_POLICY } from "./default-policy";
export { formatIssuePath, parsePolicy } from "./parse-policy";
export type { ParsePolicyResult, PolicyIssue } from "./parse-policy";
export { diffPolicies } from "./diff-policies";
export type { PolicyChange } from "./diff-policies";
