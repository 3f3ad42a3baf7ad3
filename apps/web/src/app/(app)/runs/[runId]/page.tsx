import { can } from "@creditseg/core/access";
import { notFound } from "next/navigation";
import { RunDetailView } from "~/components/runs/run-detail-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** One run's page: who started it, when, with which policy, inputs and curve, how long each stage took. The run and
 * its policy version are fetched on the server, so the first paint shows them. */
export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const runId = Number((await params).runId);
  if (!Number.isInteger(runId) || runId < 1 || runId > 2_147_483_647) notFound();
  return (
    <RequirePermission
      permission="run.read"
      prefetch={async (me) => {
        const queryClient = getServerQueryClient();
        const run = await queryClient.fetchQuery(serverTrpc.segmentRun.byId.queryOptions({ runId })).catch(() => null);
        // The view reads the policy only for a role that may (as it does in the browser).
        if (run && can(me.role, "policy.read")) {
          await queryClient.prefetchQuery(serverTrpc.policy.byVersion.queryOptions({ version: run.policyVersion }));
        }
      }}
    >
      <HydrateClient>
        <RunDetailView runId={runId} />
      </HydrateClient>
    </RequirePermission>
  );
}
