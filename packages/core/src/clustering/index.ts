export { computeAdjustedRandIndex } from "./adjusted-rand-index";
export {
  buildClusterLabel,
  classifyLevel,
  renderClusterLabel,
  CLUSTER_LABEL_WORDS,
  type ClusterLabel,
  type ClusterLabelPart,
  type FeatureLevel,
  type LabelLocale,
} from "./business-label";
export {
  clusterPoints,
  clusterPointsWith,
  plannedKMeansRestarts,
  stepClusterPoints,
  type ClusteringResult,
  type ClusterPointsArgs,
  type KCandidate,
  type KMeansRequest,
} from "./cluster-points";
export { profileClusters, type ClusterProfile, type FeatureSummary } from "./cluster-profile";
export { ClusteringInputError } from "./clustering-error";
export { applyTransform, fitTransform, inverseTransform, type FittedTransform } from "./feature-transform";
export { seedKMeansPlusPlus } from "./kmeans-plus-plus";
export { computeInertia, runLloyd, type LloydIteration, type LloydResult } from "./lloyd-hamerly";
export { matchByCost, matchClustersByCentroid, type ClusterMatch } from "./match-clusters";
export {
  DEFAULT_TOLERANCE,
  meanFeatureVariance,
  restartSeed,
  runKMeans,
  runKMeansOnce,
  runKMeansPaced,
  type KMeansFit,
} from "./run-kmeans";
export { driveFits, driveFitsWith, fitStep, pauseStep, type FitSteps } from "./drive-fits";
export {
  clusteringSettingsSchema,
  kChoiceSchema,
  LOAN_FEATURES,
  SCALE_METHODS,
  type ClusteringSettings,
  type KChoice,
  type ScaleMethod,
} from "./settings";
export { computeSilhouette } from "./silhouette";
export { scoreStability, type StabilityScore } from "./stability";
