import { Suspense } from "react";
import { readRunSelector } from "~/components/dashboard/dashboard-inputs";
import { CustomerGroupPage } from "~/components/groups/customer-group-page";
import {
  customerGroupInput,
  FIRST_MEMBER_SORT,
  groupMembersInput,
  parseGroupNo,
} from "~/components/groups/group-inputs";
import { RequirePermission } from "~/components/session/require-permission";
import { toSearchParams, type PageSearchParams } from "~/app/search-params";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** A customer group of a run: `/groups/customers/2?run=7` (no run: the current run), its profile and first members fetched on the server. */
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ groupNo: string }>;
  searchParams: PageSearchParams;
}) {
  const { groupNo } = await params;
  const { runId } = readRunSelector(toSearchParams(await searchParams));
  const n = parseGroupNo(groupNo);
  return (
    <RequirePermission
      permission="segment.read"
      prefetch={async () => {
        if (n === undefined) return;
        const queryClient = getServerQueryClient();
        // An unknown group is left to the page's own not-found state; the members come from the group's run.
        const group = await queryClient
          .fetchQuery({ ...serverTrpc.group.customerGroup.queryOptions(customerGroupInput(runId, n)), retry: false })
          .catch(() => null);
        if (!group) return;
        await queryClient.prefetchQuery(
          serverTrpc.customer.list.queryOptions({
            ...groupMembersInput(group.run.id, n, FIRST_MEMBER_SORT),
            cursor: null,
          }),
        );
      }}
    >
      <HydrateClient>
        <Suspense>
          <CustomerGroupPage groupNo={groupNo} />
        </Suspense>
      </HydrateClient>
    </RequirePermission>
  );
}
