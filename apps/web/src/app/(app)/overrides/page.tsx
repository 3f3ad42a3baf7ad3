import { overrideListInput } from "~/components/overrides/override-list-input";
import { OverridesView } from "~/components/overrides/overrides-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The override queue, its first page fetched on the server: the first paint shows the requests. */
export default function Page() {
  return (
    <RequirePermission
      permission="customer.read"
      prefetch={() =>
        getServerQueryClient().prefetchQuery(
          serverTrpc.override.list.queryOptions({ ...overrideListInput(false), cursor: null }),
        )
      }
    >
      <HydrateClient>
        <OverridesView />
      </HydrateClient>
    </RequirePermission>
  );
}
