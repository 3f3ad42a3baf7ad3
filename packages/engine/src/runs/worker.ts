import { hostname } from "node:os";
import { isProcessAlive } from "@creditseg/db";
import type { CodedFailure } from "../errors/coded-failure";

/**
 * Runs executing in this process, so a run row naming this process but unknown here is known to be orphaned.
 * Kept on globalThis: a bundler (Next.js) may load this module more than once in one process, and every copy
 * must see the same runs, or one copy would judge another's live run dead.
 */
const globalRuns = globalThis as typeof globalThis & { __creditsegActiveRunIds?: Set<number> };
const activeRunIds = (globalRuns.__creditsegActiveRunIds ??= new Set<number>());

/** This process as a run's worker: `<pid>@<host>`. */
export function currentWorker(): string {
  return `${process.pid}@${hostname()}`;
}

export function registerActiveRun(runId: number): () => void {
  activeRunIds.add(runId);
  return () => activeRunIds.delete(runId);
}

/**
 * What can be told of a run's worker from here: on this host, whether its process exists (this very process counts
 * as dead for a run it is not executing: it restarted under the same pid, or lost the run); on another host nothing
 * ("unknown"), and the heartbeat decides.
 */
export function checkWorker(worker: string | null, runId: number): "alive" | "dead" | "unknown" {
  return checkWorkerOf(worker, () => activeRunIds.has(runId));
}

/**
 * The failure of a run or import job abandoned by its worker: the process is gone (`isDead`), or it has been silent
 * for over `staleAfterMinutes`.
 */
export function abandonedFailure(
  worker: string | null,
  isDead: boolean,
  staleAfterMinutes: number,
): CodedFailure<"worker_stopped" | "heartbeat_lost"> {
  return isDead
    ? { code: "worker_stopped", params: { worker: worker ?? "" } }
    : { code: "heartbeat_lost", params: { minutes: staleAfterMinutes } };
}

/** `checkWorker` for any job row: `isExecutingHere` tells whether this process executes the row's job. */
export function checkWorkerOf(worker: string | null, isExecutingHere: () => boolean): "alive" | "dead" | "unknown" {
  if (!worker) return "unknown";
  const [pidText, host] = worker.split("@");
  if (host !== hostname()) return "unknown";
  const pid = Number(pidText);
  if (pid === process.pid) return isExecutingHere() ? "alive" : "dead";
  return isProcessAlive(pid) ? "alive" : "dead";
}
