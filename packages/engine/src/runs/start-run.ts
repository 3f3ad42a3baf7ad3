import type { DbHandle } from "@creditseg/db";
import type { RunOutcome } from "./execute-run";
import { executeRecordedRun, type ExecuteOptions } from "./execute-queued-run";
import { recordQueuedRun, type QueueRunArgs } from "./queue-run";
import type { SegmentRunDetail } from "./run-queries";
import { currentWorker, registerActiveRun } from "./worker";

export type StartRunArgs = QueueRunArgs & ExecuteOptions;

export type StartedRun = {
  run: SegmentRunDetail;
  /** Settles when the run has succeeded or failed; never rejects (a failure is in the outcome and on the row). */
  completion: Promise<RunOutcome>;
};

/**
 * Starts a segment run of a period and executes it in this process, without a queue: `creditseg run` without
 * `--detach`, tests and benchmarks. Await `completion` to wait. The same checks as `queueRun` (one active run per
 * period, `run.start`); runs left by dead workers are marked failed first.
 */
export async function startRun(handle: DbHandle, args: StartRunArgs): Promise<StartedRun> {
  let unregister = () => {};
  let run: SegmentRunDetail;
  try {
    run = await recordQueuedRun(handle, args, {
      worker: currentWorker(),
      onRecorded: (runId) => (unregister = registerActiveRun(runId)),
    });
  } catch (error) {
    unregister();
    throw error;
  }
  const completion = executeRecordedRun(handle, run.id, {
    clock: args.clock,
    onProgress: args.onProgress,
    unregister,
  });
  return { run, completion };
}
