import { createDb, DbUnavailableError } from "@creditseg/db";

/**
 * Stops the benchmark with what to run when `serverUrl` cannot be reached (no server, no `creditseg`
 * role, wrong password) instead of a stack trace from the first query.
 */
export async function requireBenchServer(serverUrl: string): Promise<void> {
  try {
    const handle = await createDb({ url: serverUrl, maxConnections: 1 });
    await handle.close();
  } catch (error) {
    if (!(error instanceof DbUnavailableError)) throw error;
    process.stderr.write(
      [
        `npm run bench needs PostgreSQL, where it creates and drops throwaway databases: ${error.message}`,
        "Start the local server and create the creditseg role (as root):",
        "  bash infra/local-postgres.sh",
        "or point BENCH_DATABASE_URL at a server whose user may CREATE DATABASE.",
        "",
      ].join("\n"),
    );
    process.exit(2);
  }
}
