export { worstClassification } from "./worst-classification";
export { assignTier } from "./assign-tier";
export type { TierAssignment, TierTraceStep } from "./assign-tier";
