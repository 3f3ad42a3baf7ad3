import { OverridesView } from "~/components/overrides/overrides-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="customer.read">
      <OverridesView />
    </RequirePermission>
  );
}
