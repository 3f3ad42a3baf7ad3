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
        const current = await queryClient
          .fetchQuery(serverTrpc.segmentRun.current.queryOptions({}))
          .catch(() => undefined);
        await Promise.all(
          waiting.flatMap(({ version }) => [
            queryClient.prefetchQuery(serverTrpc.policy.diff.queryOptions({ version })),
            queryClient.prefetchQuery(serverTrpc.policy.byVersion.queryOptions({ version })),
            // The impact is previewed on the current run's period; without a run the view picks its own.
            ...(current?.period
              ? [queryClient.prefetchQuery(serverTrpc.policy.preview.queryOptions({ version, period: current.period }))]
              : []),
          ]),
        );
      }}
    >
      <HydrateClient>
        <PoliciesView />
      </HydrateClient>
    </RequirePermission>
  );
}
