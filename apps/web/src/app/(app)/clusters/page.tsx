import { ClustersView } from "~/components/clusters/clusters-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The benefit clusters of the latest run, fetched on the server so the first paint shows them. */
export default function Page() {
  return (
    <RequirePermission
      permission="policy.write"
      prefetch={() => getServerQueryClient().prefetchQuery(serverTrpc.segment.clusters.queryOptions({}))}
    >
      <HydrateClient>
        <ClustersView />
      </HydrateClient>
    </RequirePermission>
  );
}
