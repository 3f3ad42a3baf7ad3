import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs a TypeScript benchmark script in its own process (so its memory and threads do not mix with
 * the others) and parses the last JSON value it prints on stdout. Its stderr streams through.
 */
export async function runJsonChild<T>(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  /** Node flags for the child, e.g. those the process it stands for starts with. */
  nodeFlags: readonly string[] = [],
): Promise<T> {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`${script} exited with code ${code}`);
  const start = Math.min(...["{", "["].map((c) => stdout.indexOf(c)).filter((i) => i >= 0));
  if (!Number.isFinite(start)) throw new Error(`${script} printed no JSON`);
  return JSON.parse(stdout.slice(start)) as T;
}
