export {
  SegmentInputError,
  loanTallyAt,
  segmentCustomer,
  segmentPortfolio,
  completeSegment,
  segmentPortfolioWith,
  stepFinishSegmentation,
  stepSummariseSegments,
} from "./segment-portfolio";
export type {
  CustomerLoanTally,
  CustomerSegment,
  CustomerSegments,
  PortfolioFigures,
  PreviousRun,
  SegmentInput,
  SegmentResult,
  SegmentSummary,
  SegmentedCustomer,
} from "./segment-portfolio";
export { clusterLoans, matchLoanClusters, stepClusterLoanColumns, stepClusterLoans } from "./cluster-loans";
export { LoanColumnsBuilder, classificationAt, readLoanFeature, tallyLoanColumns, toLoanColumns } from "./loan-columns";
export type { LoanColumns, LoanTallies } from "./loan-columns";
export type { LoanClusterOutcome } from "./cluster-loans";
export { addToNpl, createNplFigure, finishNpl, measureConcentration, topSliceCount } from "./portfolio-figures";
export type { Concentration, NplFigure, NplLoan } from "./portfolio-figures";
export { resolveEffectiveSegment } from "./effective-segment";
export type { EffectiveSegment, SegmentOverride } from "./effective-segment";
