import { notFound } from "next/navigation";
import { RunDetailView } from "~/components/runs/run-detail-view";
import { RequirePermission } from "~/components/session/require-permission";

/** One run's page: who started it, when, with which policy, inputs and curve, how long each stage took. */
export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const runId = Number((await params).runId);
  if (!Number.isInteger(runId) || runId < 1 || runId > 2_147_483_647) notFound();
  return (
    <RequirePermission permission="run.read">
      <RunDetailView runId={runId} />
    </RequirePermission>
  );
}
