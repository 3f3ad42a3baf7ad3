import { Suspense } from "react";
import { CustomerView } from "~/components/customer/customer-view";
import { readRunSelector } from "~/components/dashboard/dashboard-inputs";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** A customer's page, its detail fetched on the server (an unknown id is left to the page's own not-found state). */
export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: PageSearchParams;
}) {
  const customerId = decodeURIComponent((await params).customerId);
  const selector = readRunSelector(toSearchParams(await searchParams));
  await getServerQueryClient().prefetchQuery(serverTrpc.customer.byId.queryOptions({ customerId, ...selector }));
  return (
    <HydrateClient>
      <Suspense>
        <CustomerView customerId={customerId} />
      </Suspense>
    </HydrateClient>
  );
}
