import { RunsView } from "~/components/runs/runs-view";
import { RequirePermission } from "~/components/session/require-permission";

export default function Page() {
  return (
    <RequirePermission permission="run.start">
      <RunsView />
    </RequirePermission>
  );
}
