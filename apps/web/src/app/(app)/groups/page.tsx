import { Suspense } from "react";
import { readRunSelector } from "~/components/dashboard/dashboard-inputs";
import { CustomerGroupsView } from "~/components/groups/customer-groups-view";
import { RequirePermission } from "~/components/session/require-permission";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** 客户群体 of a run (`?run=7`, else the current run), fetched on the server: the first paint shows the groups. */
export default async function Page({ searchParams }: { searchParams: PageSearchParams }) {
  const selector = readRunSelector(toSearchParams(await searchParams));
  return (
    <RequirePermission
      permission="segment.read"
      prefetch={() => getServerQueryClient().prefetchQuery(serverTrpc.group.customerGroups.queryOptions(selector))}
    >
      <HydrateClient>
        <Suspense>
          <CustomerGroupsView />
        </Suspense>
      </HydrateClient>
    </RequirePermission>
  );
}
