import { hostname } from "node:os";

/** Runs executing in this process, so a run row naming this process but unknown here is known to be orphaned. */
const activeRunIds = new Set<number>();

/** This process as a run's worker: `<pid>@<host>`. */
export function currentWorker(): string {
  return `${process.pid}@${hostname()}`;
}

export function registerActiveRun(runId: number): () => void {
  activeRunIds.add(runId);
  return () => activeRunIds.delete(runId);
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a run's worker is certainly gone: a process on this host that no longer exists, or this very process
 * when it is not executing the run (it restarted under the same pid, or lost the run). Other hosts' workers are
 * judged by their heartbeat instead.
 */
export function isWorkerDead(worker: string | null, runId: number): boolean {
  if (!worker) return false;
  const [pidText, host] = worker.split("@");
  if (host !== hostname()) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !activeRunIds.has(runId);
  return !isProcessAlive(pid);
}
