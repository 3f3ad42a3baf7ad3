import path from "node:path";

const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Stops the run before it resets a database that is not a throwaway one on this machine: the
 * e2e set-up drops every table.
 */
export function assertLocalDatabase({
  databaseUrl,
  pgliteDir,
  repoRoot,
}: {
  databaseUrl: string | undefined;
  pgliteDir: string;
  repoRoot: string;
}): void {
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    if (!localHosts.has(url.hostname))
      throw new Error(`refusing to reset ${url.hostname}: the e2e database must be on localhost`);
    if (!/e2e|test/i.test(url.pathname))
      throw new Error(`refusing to reset database ${url.pathname}: its name must contain "e2e" or "test"`);
    return;
  }
  const dataDir = path.join(repoRoot, ".data");
  if (pgliteDir === path.join(dataDir, "pglite"))
    throw new Error("refusing to reset .data/pglite: that is the development database; use a dedicated E2E_PGLITE_DIR");
  if (pgliteDir.startsWith("memory://"))
    throw new Error("E2E_PGLITE_DIR must be a directory: the CLI and the server are separate processes");
}
