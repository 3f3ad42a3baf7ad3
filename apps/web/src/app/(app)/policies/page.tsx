import { can } from "@creditseg/core/access";
import { PoliciesView } from "~/components/policies/policies-view";
import { awaitingDecision, POLICY_LIST_INPUT } from "~/components/policies/policy-list-input";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/**
 * Policies: the versions, the active document and, for an approver, the reviews waiting for them (diff, document,
 * impact) fetched on the server, so the first paint shows them. The editor opens on a click and reads then.
 */
export default function Page() {
  return (
    <RequirePermission
      permission="policy.write"
      prefetch={async (me) => {
        const queryClient = getServerQueryClient();
        const [versions] = await Promise.all([
          queryClient
            .fetchQuery(serverTrpc.policy.list.queryOptions({ ...POLICY_LIST_INPUT, cursor: null }))
            .catch(() => null),
          queryClient.prefetchQuery(serverTrpc.policy.active.queryOptions()),
        ]);
        const waiting = can(me.role, "policy.approve") ? awaitingDecision(versions?.items ?? [], me.id) : [];
        if (!waiting.length) return;
        // The impact preview is a job the review asks for from the browser, on the current run's period.
        await Promise.all([
          queryClient.prefetchQuery(serverTrpc.segmentRun.current.queryOptions({})),
          ...waiting.flatMap(({ version }) => [
            queryClient.prefetchQuery(serverTrpc.policy.diff.queryOptions({ version })),
            queryClient.prefetchQuery(serverTrpc.policy.byVersion.queryOptions({ version })),
          ]),
        ]);
      }}
    >
      <HydrateClient>
        <PoliciesView />
      </HydrateClient>
    </RequirePermission>
  );
}
