export { buildTierClusterTable, findPreferredBundles } from "./build-tier-cluster-table";
export type {
  CrossTableCustomer,
  CrossTableLoan,
  PreferredBundle,
  TierClusterCell,
  TierClusterTable,
} from "./build-tier-cluster-table";
export { lookupGuidance } from "./lookup-guidance";
export type { CustomerGuidance } from "./lookup-guidance";
export { recommendBundle } from "./recommend-bundle";
export type {
  BundleLabel,
  BundleRecommendation,
  RecommendationAction,
  RecommendationReason,
  RecommendBundleInput,
} from "./recommend-bundle";
