import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

/** The engine's code version as recorded on each run: `<package version>+<git sha>` (sha omitted outside a git work tree). */
export function readCodeVersion(): string {
  if (cached) return cached;
  const packageJson = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as {
    version: string;
  };
  let sha = "";
  try {
    sha = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
      cwd: fileURLToPath(new URL(".", import.meta.url)),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5_000,
    }).trim();
  } catch {
    // Not a git checkout (a deployed copy): the package version alone identifies the code.
  }
  cached = sha ? `${packageJson.version}+${sha}` : packageJson.version;
  return cached;
}
