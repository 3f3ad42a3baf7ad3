import { UsersView } from "~/components/admin/users-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="user.manage">
      <UsersView />
    </RequirePermission>
  );
}
