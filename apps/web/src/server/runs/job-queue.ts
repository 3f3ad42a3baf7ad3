import type { DbHandle } from "@creditseg/db";
import { createInProcessQueue, createPostgresQueue, type InProcessQueue, type JobQueue } from "@creditseg/engine";

/**
 * In-process runners by database handle, on globalThis: a bundler (Next.js) may load this module more than once in
 * one process, and every copy must hand jobs to the same runner.
 */
const globalForJobs = globalThis as unknown as { creditsegInProcessQueues?: Map<DbHandle, InProcessQueue> };
const inProcessQueues = (globalForJobs.creditsegInProcessQueues ??= new Map<DbHandle, InProcessQueue>());

/**
 * The runner that executes jobs in this process on `handle` (one per handle). Created on first use, it takes up the
 * runs a previous process queued and never executed.
 */
export function inProcessQueueFor(handle: DbHandle): InProcessQueue {
  let queue = inProcessQueues.get(handle);
  if (!queue) {
    queue = createInProcessQueue(handle);
    inProcessQueues.set(handle, queue);
    void queue.recover().catch(() => {});
  }
  return queue;
}

/**
 * Where this server's jobs go: on PostgreSQL the shared queue (`creditseg worker` processes execute them; the web tier
 * only enqueues, so any instance may serve any request); on the embedded PGlite, which one process opens, this process.
 */
export function jobQueueFor(handle: DbHandle): JobQueue {
  return handle.kind === "postgres" ? createPostgresQueue() : inProcessQueueFor(handle);
}

/** Waits until every job handed to this process's in-process runners has finished (tests, and a graceful shutdown). */
export async function waitForBackgroundRuns(): Promise<void> {
  await Promise.all([...inProcessQueues.values()].map((queue) => queue.idle()));
}
