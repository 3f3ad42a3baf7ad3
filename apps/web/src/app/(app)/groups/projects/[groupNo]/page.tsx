import { Suspense } from "react";
import { FoundGroupProjectsView } from "~/components/groups/found-group-projects-view";
import { RequirePermission } from "~/components/session/require-permission";

/** The projects of a project group found in data: `/groups/projects/3?run=7`. */
export default async function Page({ params }: { params: Promise<{ groupNo: string }> }) {
  const { groupNo } = await params;
  return (
    <RequirePermission permission="project.read">
      <Suspense>
        <FoundGroupProjectsView groupNo={groupNo} />
      </Suspense>
    </RequirePermission>
  );
}
