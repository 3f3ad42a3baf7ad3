import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What the child prints on stdout once its run is inside the results transaction, the moment to kill it. */
export const WRITING_MARK = "CREDITSEG-RUN-WRITING";
/** The child's exit code if no kill came while it waited: the test then fails instead of hanging. */
export const EXIT_CODE_NOT_KILLED = 71;
/** How long the child waits, blocked mid-write, for the kill (ms). */
export const CHILD_WAIT_MS = 120_000;

const CHILD = fileURLToPath(new URL("./run-until-killed.ts", import.meta.url));

export type KilledRun = {
  signal: NodeJS.Signals | null;
  exitCode: number | null;
  hasReachedWriting: boolean;
  stderr: string;
};

/**
 * Starts a segment run of `period` in a child process on the database at `location` (a PGlite directory or a
 * PostgreSQL URL) and sends it SIGKILL while the run is writing its results inside the results transaction, as
 * the operating system's OOM killer or an operator's `kill -9` would. Resolves when the child has gone; nothing
 * in the child runs after the signal, so the database keeps only what was committed before it.
 */
export function killRunMidWrite(location: string, period: string, timeoutMs = 180_000): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, location, period], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let hasReachedWriting = false;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (!hasReachedWriting && stdout.includes(WRITING_MARK)) {
        hasReachedWriting = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ signal, exitCode, hasReachedWriting, stderr });
    });
  });
}
