export { SegmentInputError, segmentPortfolio, segmentPortfolioWith } from "./segment-portfolio";
export type {
  PortfolioFigures,
  PreviousRun,
  SegmentInput,
  SegmentResult,
  SegmentedCustomer,
} from "./segment-portfolio";
export { clusterLoans, matchLoanClusters, readLoanFeature, stepClusterLoans } from "./cluster-loans";
export type { LoanClusterOutcome } from "./cluster-loans";
export { addToNpl, createNplFigure, finishNpl, measureConcentration, topSliceCount } from "./portfolio-figures";
export type { Concentration, NplFigure, NplLoan } from "./portfolio-figures";
export { resolveEffectiveSegment } from "./effective-segment";
export type { EffectiveSegment, SegmentOverride } from "./effective-segment";
