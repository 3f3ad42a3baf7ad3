import { Suspense } from "react";
import { RollUpGroupProjectsView } from "~/components/projects/roll-up-group-projects-view";
import { RequirePermission } from "~/components/session/require-permission";

/** The projects of an industry × region × risk roll-up group of a run: `/projects/group?run=7&key=…`. */
export default function Page() {
  return (
    <RequirePermission permission="project.read">
      <Suspense>
        <RollUpGroupProjectsView />
      </Suspense>
    </RequirePermission>
  );
}
