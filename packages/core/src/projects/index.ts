export { groupProjects, isDefaultSignal, projectGroupKey } from "./group-projects";
export type {
  PreviousProjectGroup,
  ProjectGroup,
  ProjectGrouping,
  ProjectWarning,
  ProjectWarningKind,
} from "./group-projects";
