import { Suspense } from "react";
import { findPreviousRun, MIGRATION_RUNS, readRunSelector } from "~/components/dashboard/dashboard-inputs";
import { DashboardView } from "~/components/dashboard/dashboard-view";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The dashboard, its first screen fetched on the server so the first paint shows the portfolio. */
export default async function DashboardPage({ searchParams }: { searchParams: PageSearchParams }) {
  const selector = readRunSelector(toSearchParams(await searchParams));
  const queryClient = getServerQueryClient();
  const [summary, runs] = await Promise.all([
    queryClient.fetchQuery(serverTrpc.segment.summary.queryOptions(selector)).catch(() => null),
    queryClient.fetchQuery(serverTrpc.segmentRun.list.queryOptions(MIGRATION_RUNS)).catch(() => null),
    queryClient.prefetchQuery(serverTrpc.segment.clusters.queryOptions(selector)),
    queryClient.prefetchQuery(serverTrpc.policy.active.queryOptions()),
    queryClient.prefetchQuery(serverTrpc.segment.warnings.queryOptions(selector)),
  ]);
  const previous = summary ? findPreviousRun(runs?.items, summary.runId) : undefined;
  if (summary && previous) {
    await queryClient.prefetchQuery(
      serverTrpc.segment.migration.queryOptions({ fromRunId: previous.id, toRunId: summary.runId, dimension: "tier" }),
    );
  }
  return (
    <HydrateClient>
      <Suspense>
        <DashboardView />
      </Suspense>
    </HydrateClient>
  );
}
