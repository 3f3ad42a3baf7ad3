import { Suspense } from "react";
import { readRunSelector } from "~/components/dashboard/dashboard-inputs";
import { ProjectsView } from "~/components/projects/projects-view";
import { RequirePermission } from "~/components/session/require-permission";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** Project groups by policy (with their warnings) and as found in data, fetched on the server: the first paint shows the groups. */
export default async function Page({ searchParams }: { searchParams: PageSearchParams }) {
  const selector = readRunSelector(toSearchParams(await searchParams));
  return (
    <RequirePermission
      permission="project.read"
      prefetch={() => {
        const queryClient = getServerQueryClient();
        return Promise.all([
          queryClient.prefetchQuery(serverTrpc.segment.projectGroups.queryOptions(selector)),
          queryClient.prefetchQuery(serverTrpc.group.projectGroups.queryOptions(selector)),
          queryClient.prefetchQuery(serverTrpc.segment.warnings.queryOptions(selector)),
        ]);
      }}
    >
      <HydrateClient>
        <Suspense>
          <ProjectsView />
        </Suspense>
      </HydrateClient>
    </RequirePermission>
  );
}
