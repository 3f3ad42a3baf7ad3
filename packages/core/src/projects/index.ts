export { groupProjects, isDefaultSignal, projectGroupKey } from "./group-projects";
export type {
  PreviousProjectGroup,
  ProjectGroup,
  ProjectGrouping,
  ProjectSignal,
  ProjectWarning,
  ProjectWarningKind,
} from "./group-projects";
