import { clusterSampleInput } from "~/components/clusters/cluster-sample-input";
import { ClustersView } from "~/components/clusters/clusters-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The benefit clusters of the latest run, its k choice, summary and scatter samples fetched on the server so the
 * first paint shows them. */
export default function Page() {
  return (
    <RequirePermission
      permission="policy.write"
      prefetch={async () => {
        const queryClient = getServerQueryClient();
        const clusters = await queryClient.fetchQuery(serverTrpc.segment.clusters.queryOptions({})).catch(() => null);
        if (!clusters?.run) return;
        const runId = clusters.run.id;
        await Promise.all([
          queryClient.prefetchQuery(serverTrpc.segmentRun.byId.queryOptions({ runId })),
          queryClient.prefetchQuery(serverTrpc.segment.summary.queryOptions({ runId })),
          ...clusters.clusters.map((cluster) =>
            queryClient.prefetchQuery(
              serverTrpc.loan.sample.queryOptions(clusterSampleInput(runId, cluster.clusterNo)),
            ),
          ),
        ]);
      }}
    >
      <HydrateClient>
        <ClustersView />
      </HydrateClient>
    </RequirePermission>
  );
}
