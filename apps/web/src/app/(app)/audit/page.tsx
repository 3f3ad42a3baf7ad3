import { AUDIT_PAGE_SIZE, NO_AUDIT_FILTERS, toAuditListInput } from "~/components/admin/audit-filters";
import { AuditView } from "~/components/admin/audit-view";
import { USER_LIST_INPUT } from "~/components/admin/user-list-input";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** The audit trail, its newest page (no filter yet) and the users it names fetched on the server. */
export default function Page() {
  return (
    <RequirePermission
      permission="audit.read"
      prefetch={() => {
        const queryClient = getServerQueryClient();
        return Promise.all([
          queryClient.prefetchQuery(
            serverTrpc.audit.list.queryOptions({
              ...toAuditListInput(NO_AUDIT_FILTERS, AUDIT_PAGE_SIZE),
              cursor: null,
            }),
          ),
          queryClient.prefetchQuery(serverTrpc.user.list.queryOptions(USER_LIST_INPUT)),
        ]);
      }}
    >
      <HydrateClient>
        <AuditView />
      </HydrateClient>
    </RequirePermission>
  );
}
