export {
  buildTransitionMatrix,
  compareSegmentations,
  labelsOf,
  selectTransitionCustomers,
} from "./build-transition-matrix";
export type { Migration, MigrationCustomer, TransitionMatrix, TransitionSelection } from "./build-transition-matrix";
