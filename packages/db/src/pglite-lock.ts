import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { DbUnavailableError } from "./errors";

/**
 * PGlite does not lock its data directory and two processes writing it corrupt it,
 * so each process that opens a directory holds `<dir>.lock` with its pid.
 * A lock left by a dead process (same host) is taken over.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  if (existsSync(lockPath)) {
    const [pidText, host] = readFileSync(lockPath, "utf8").trim().split("@");
    const pid = Number(pidText);
    if (pid !== process.pid && host === hostname() && isProcessAlive(pid)) {
      throw new DbUnavailableError(
        `the embedded database ${dataDir} is in use by process ${pid}; stop it first (PGlite allows one process per data directory), or set DATABASE_URL to use PostgreSQL`,
      );
    }
  }
  writeFileSync(lockPath, `${process.pid}@${hostname()}`);
  const release = () => {
    try {
      if (readFileSync(lockPath, "utf8").startsWith(`${process.pid}@`)) rmSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once("exit", release);
  return release;
}

/** Whether a process with this pid exists on this host (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
