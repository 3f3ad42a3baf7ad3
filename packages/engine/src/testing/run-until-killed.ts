/**
 * Test helper run as a child process (see killRunMidWrite): opens the database at argv[2] (a PGlite directory or a
 * PostgreSQL URL), starts a segment run of period argv[3] and, once the run is writing its results inside the
 * results transaction, tells the parent on stdout and blocks its only thread until the parent's SIGKILL arrives.
 */
import { createDb } from "@creditseg/db";
import { writeSync } from "node:fs";
import { startRun } from "../runs/start-run";
import { CHILD_WAIT_MS, EXIT_CODE_NOT_KILLED, WRITING_MARK } from "./kill-run-mid-write";
import { ACTORS } from "./seeded-world";

const [location, period] = process.argv.slice(2);
const handle = location!.startsWith("postgres")
  ? await createDb({ url: location, maxConnections: 2 })
  : await createDb({ pgliteDir: location });
const { completion } = await startRun(handle, {
  actor: ACTORS.risk,
  period: period!,
  onProgress: (progress) => {
    // The first report past 65 % comes after a table was copied inside the results transaction.
    if (progress.stage !== "writing" || progress.progressPct <= 65) return;
    // A synchronous write: the parent must hear it before this thread blocks.
    writeSync(1, `${WRITING_MARK}\n`);
    // Blocking (not awaiting) keeps the transaction open with nothing more written until the kill.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, CHILD_WAIT_MS);
    process.exit(EXIT_CODE_NOT_KILLED);
  },
});
await completion;
process.exit(0);
