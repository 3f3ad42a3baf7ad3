import { UploadsView } from "~/components/uploads/uploads-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="upload.read">
      <UploadsView />
    </RequirePermission>
  );
}
