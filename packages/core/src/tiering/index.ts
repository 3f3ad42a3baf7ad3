export { worstClassification } from "./worst-classification";
export { assignTier } from "./assign-tier";
export type { TierAssignment, TierCondition, TierTraceStep } from "./assign-tier";
