import { PoliciesView } from "~/components/policies/policies-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="policy.write">
      <PoliciesView />
    </RequirePermission>
  );
}
