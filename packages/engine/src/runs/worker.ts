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
 * What can be told of a run's worker from here: on this host, whether its process exists (this very process counts
 * as dead for a run it is not executing: it restarted under the same pid, or lost the run); on another host nothing
 * ("unknown"), and the heartbeat decides.
 */
export function checkWorker(worker: string | null, runId: number): "alive" | "dead" | "unknown" {
  if (!worker) return "unknown";
  const [pidText, host] = worker.split("@");
  if (host !== hostname()) return "unknown";
  const pid = Number(pidText);
  if (pid === process.pid) return activeRunIds.has(runId) ? "alive" : "dead";
  return isProcessAlive(pid) ? "alive" : "dead";
}
