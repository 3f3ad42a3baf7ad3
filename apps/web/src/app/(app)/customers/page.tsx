import { Suspense } from "react";
import { customerListInput, parseCustomerFilters } from "~/components/customers/customer-filter-params";
import { CustomerListView } from "~/components/customers/customer-list-view";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The customer list, its first page and filter values fetched on the server: the first paint shows customers. */
export default async function CustomersPage({ searchParams }: { searchParams: PageSearchParams }) {
  const filters = parseCustomerFilters(toSearchParams(await searchParams));
  const selector = filters.runId ? { runId: filters.runId } : {};
  const queryClient = getServerQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(serverTrpc.customer.list.queryOptions({ ...customerListInput(filters), cursor: null })),
    queryClient.prefetchQuery(serverTrpc.segment.summary.queryOptions(selector)),
    queryClient.prefetchQuery(serverTrpc.segment.clusters.queryOptions(selector)),
    queryClient.prefetchQuery(serverTrpc.policy.active.queryOptions()),
    queryClient.prefetchQuery(serverTrpc.customer.facets.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <Suspense>
        <CustomerListView />
      </Suspense>
    </HydrateClient>
  );
}
