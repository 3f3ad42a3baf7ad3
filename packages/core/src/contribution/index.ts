export { describeFtpBucket, findFtpBucketIndex, selectFtpBucket } from "./select-ftp-bucket";
export type { FtpSelection, PricingBucket } from "./select-ftp-bucket";
export {
  policyCurveSource,
  policyPricingCurve,
  resolveFtpCurve,
  uploadCurveSource,
  type FtpCurvePoint,
  type FtpCurveSource,
  type FtpSideSource,
  type PricingCurve,
} from "./ftp-curve";
export {
  calculateContributions,
  calculateCustomerContribution,
  calculateDepositContribution,
  calculateLoanContribution,
  createAccountPricer,
  createContributionTotals,
  createEmptyContribution,
} from "./calculate-contribution";
export type {
  AccountContribution,
  AccountPricer,
  AccountSide,
  ContributionTotal,
  ContributionTotals,
  ContributionInputs,
  CustomerContribution,
  DepositAccountInput,
  FeeLine,
  LoanAccountInput,
} from "./calculate-contribution";
