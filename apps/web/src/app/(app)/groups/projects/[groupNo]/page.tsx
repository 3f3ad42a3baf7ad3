import { Suspense } from "react";
import { readRunSelector } from "~/components/dashboard/dashboard-inputs";
import { FoundGroupProjectsView } from "~/components/groups/found-group-projects-view";
import { foundGroupProjectsInput, parseGroupNo } from "~/components/groups/group-inputs";
import { RequirePermission } from "~/components/session/require-permission";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The projects of a project group found in data: `/groups/projects/3?run=7`, the first page fetched on the server. */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ groupNo: string }>;
  searchParams: PageSearchParams;
}) {
  const { groupNo } = await params;
  const selector = readRunSelector(toSearchParams(await searchParams));
  const n = parseGroupNo(groupNo);
  return (
    <RequirePermission
      permission="project.read"
      prefetch={async () => {
        if (n === undefined) return;
        const queryClient = getServerQueryClient();
        // The projects are those of the run the groups came from (the current run when the address names none).
        const groups = await queryClient
          .fetchQuery(serverTrpc.group.projectGroups.queryOptions(selector))
          .catch(() => null);
        if (!groups?.run) return;
        await queryClient.prefetchQuery(
          serverTrpc.project.list.queryOptions({ ...foundGroupProjectsInput(groups.run.id, n), cursor: null }),
        );
      }}
    >
      <HydrateClient>
        <Suspense>
          <FoundGroupProjectsView groupNo={groupNo} />
        </Suspense>
      </HydrateClient>
    </RequirePermission>
  );
}
