import { ClustersView } from "~/components/clusters/clusters-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="policy.write">
      <ClustersView />
    </RequirePermission>
  );
}
