import { AuditView } from "~/components/admin/audit-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="audit.read">
      <AuditView />
    </RequirePermission>
  );
}
