import { waitForBackgroundRuns } from "../runs/job-queue";
import type { callerFor } from "./test-app";

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** A version's impact preview as the policy pages get it: requested, computed by this process's runner, then read. */
export async function previewThrough(caller: Caller, input: { version: number; period: string }) {
  const { id } = await caller.policy.requestPreview(input);
  await waitForBackgroundRuns();
  const job = await caller.policy.previewJob({ previewId: id });
  if (!job.impact) throw new Error(`preview ${id} is ${job.status}`);
  return job.impact;
}
