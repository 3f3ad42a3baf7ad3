import { Suspense } from "react";
import { CustomerGroupsView } from "~/components/groups/customer-groups-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="segment.read">
      <Suspense>
        <CustomerGroupsView />
      </Suspense>
    </RequirePermission>
  );
}
