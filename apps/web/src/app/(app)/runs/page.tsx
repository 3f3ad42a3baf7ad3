import { comparableRunIds, defaultComparison, RUN_LIST_INPUT } from "~/components/runs/run-list-input";
import { RunsView } from "~/components/runs/runs-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The runs with their progress and the comparison of the latest two, fetched on the server: the first paint shows them. */
export default function Page() {
  return (
    <RequirePermission
      permission="run.start"
      prefetch={async () => {
        const queryClient = getServerQueryClient();
        const [runs] = await Promise.all([
          queryClient.fetchQuery(serverTrpc.segmentRun.list.queryOptions(RUN_LIST_INPUT)).catch(() => null),
          queryClient.prefetchQuery(serverTrpc.policy.active.queryOptions()),
        ]);
        const { from, to } = defaultComparison(comparableRunIds(runs?.items ?? []));
        if (from === undefined || to === undefined) return;
        await queryClient.prefetchQuery(
          serverTrpc.segment.migration.queryOptions({ fromRunId: from, toRunId: to, dimension: "tier" }),
        );
      }}
    >
      <HydrateClient>
        <RunsView />
      </HydrateClient>
    </RequirePermission>
  );
}
