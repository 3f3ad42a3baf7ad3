/**
 * Test helper run as a child process: opens the database at argv[2] (a PGlite directory or a PostgreSQL URL),
 * starts a segment run of period argv[3] and exits abruptly with code 70 once the run is writing its results
 * inside the results transaction — as a crash or a kill would.
 */
import { createDb } from "@creditseg/db";
import { startRun } from "../runs/start-run";
import { ACTORS } from "./seeded-world";

export const EXIT_CODE_WHILE_WRITING = 70;

const [location, period] = process.argv.slice(2);
const handle = location!.startsWith("postgres")
  ? await createDb({ url: location, maxConnections: 2 })
  : await createDb({ pgliteDir: location });
const { completion } = await startRun(handle, {
  actor: ACTORS.risk,
  period: period!,
  onProgress: (progress) => {
    // The first report past 65 % comes after a table was copied inside the results transaction.
    if (progress.stage === "writing" && progress.progressPct > 65) process.exit(EXIT_CODE_WHILE_WRITING);
  },
});
await completion;
process.exit(0);
