export {
  encodeMixedTable,
  selectTableRows,
  type CategoricalColumn,
  type MixedTable,
  type NumericColumn,
} from "./mixed-table";
export {
  defaultGamma,
  dissimilarity,
  fitKPrototypes,
  runKPrototypes,
  seedPrototypes,
  type KPrototypesFit,
  type Prototypes,
} from "./kprototypes";
export { computeMixedSilhouette } from "./mixed-silhouette";
export {
  profileGroups,
  type CategoricalTrait,
  type CategoryShare,
  type GroupName,
  type GroupProfile,
  type NamePart,
  type NumericTrait,
} from "./group-profile";
export { groupMixed, type GroupingResult, type GroupKCandidate, type GroupPrototype } from "./group-mixed";
export { matchGuidance, type GuidanceMatch } from "./match-guidance";
export {
  groupingMethodSchema,
  groupingSettingsSchema,
  guidanceRuleSchema,
  profileConditionSchema,
  type GroupingMethod,
  type GroupingSettings,
  type GuidanceRule,
  type ProfileCondition,
} from "./settings";
export { CUSTOMER_GROUP_ATTRIBUTES, CUSTOMER_GROUP_ATTRIBUTE_NAMES, PROJECT_GROUP_ATTRIBUTES } from "./attributes";
export {
  addCustomerUsage,
  buildCustomerAttributeColumns,
  buildProjectAttributeColumns,
  type AttributeColumns,
  type CustomerUsage,
} from "./build-attribute-columns";
export {
  groupPortfolio,
  groupPortfolioOfUsage,
  type CustomerGroup,
  type FoundProjectGroup,
  type GroupFit,
  type GroupLineage,
  type GroupWarning,
  type PortfolioGroups,
  type PreviousGroup,
} from "./group-portfolio";
