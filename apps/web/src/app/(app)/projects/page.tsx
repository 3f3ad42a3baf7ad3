import { ProjectsView } from "~/components/projects/projects-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="project.read">
      <ProjectsView />
    </RequirePermission>
  );
}
