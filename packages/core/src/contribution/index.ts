export { describeFtpBucket, findFtpBucketIndex, selectFtpBucket } from "./select-ftp-bucket";
export type { FtpSelection } from "./select-ftp-bucket";
export {
  calculateContributions,
  calculateCustomerContribution,
  calculateDepositContribution,
  calculateLoanContribution,
  createEmptyContribution,
} from "./calculate-contribution";
export type {
  AccountContribution,
  AccountSide,
  ContributionInputs,
  CustomerContribution,
  DepositAccountInput,
  LoanAccountInput,
} from "./calculate-contribution";
