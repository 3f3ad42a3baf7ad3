import { Suspense } from "react";
import { loanClustersInput, loanListInput, parseLoanFilters } from "~/components/loans/loan-list-input";
import { LoanListView } from "~/components/loans/loan-list-view";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The loans of the URL's filters, their first page fetched on the server: the first paint shows loans. */
export default async function LoansPage({ searchParams }: { searchParams: PageSearchParams }) {
  const filters = parseLoanFilters(toSearchParams(await searchParams));
  const queryClient = getServerQueryClient();
  // A cluster without `?run=` is a cluster of the run the clusters came from: the list waits for it, as in the browser.
  const clusters = await queryClient
    .fetchQuery(serverTrpc.segment.clusters.queryOptions(loanClustersInput(filters)))
    .catch(() => null);
  const effectiveRunId = filters.runId ?? clusters?.run?.id;
  if (filters.cluster === undefined || effectiveRunId !== undefined) {
    await queryClient.prefetchQuery(
      serverTrpc.loan.list.queryOptions({ ...loanListInput(filters, effectiveRunId), cursor: null }),
    );
  }
  return (
    <HydrateClient>
      <Suspense>
        <LoanListView />
      </Suspense>
    </HydrateClient>
  );
}
