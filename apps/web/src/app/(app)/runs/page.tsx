import { RUN_LIST_INPUT } from "~/components/runs/run-list-input";
import { RunsView } from "~/components/runs/runs-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The runs with their progress, the list fetched on the server: the first paint shows the runs. */
export default function Page() {
  return (
    <RequirePermission
      permission="run.start"
      prefetch={() => {
        const queryClient = getServerQueryClient();
        return Promise.all([
          queryClient.prefetchQuery(serverTrpc.segmentRun.list.queryOptions(RUN_LIST_INPUT)),
          queryClient.prefetchQuery(serverTrpc.policy.active.queryOptions()),
        ]);
      }}
    >
      <HydrateClient>
        <RunsView />
      </HydrateClient>
    </RequirePermission>
  );
}
