import { USER_LIST_INPUT } from "~/components/admin/user-list-input";
import { UsersView } from "~/components/admin/users-view";
import { RequirePermission } from "~/components/session/require-permission";
import { getServerQueryClient, HydrateClient, serverTrpc } from "~/trpc/server";

/** User administration, the user list fetched on the server (a role without the permission gets nothing back). */
export default function Page() {
  return (
    <RequirePermission
      permission="user.manage"
      prefetch={() => getServerQueryClient().prefetchQuery(serverTrpc.user.list.queryOptions(USER_LIST_INPUT))}
    >
      <HydrateClient>
        <UsersView />
      </HydrateClient>
    </RequirePermission>
  );
}
