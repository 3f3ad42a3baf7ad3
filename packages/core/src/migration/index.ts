export { buildTransitionMatrix, compareSegmentations } from "./build-transition-matrix";
export type { Migration, MigrationCustomer, TransitionMatrix } from "./build-transition-matrix";
