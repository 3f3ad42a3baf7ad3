/**
 * Child process of the kill test: starts committing a file and exits the process from inside the
 * transaction, after the merge and before COMMIT. Usage: commit-then-exit.ts <pglite-dir|postgres-url> <file> <period>
 */
import { createDb } from "@creditseg/db";
import { commitImport } from "../commit/commit-import";
import { fileSource } from "../source";

// The kill test expects this exit code.
const EXIT_CODE_INSIDE_TRANSACTION = 70;

const [location = "", file = "", period = ""] = process.argv.slice(2);
const handle = await createDb(location.startsWith("postgres") ? { url: location } : { pgliteDir: location });
await commitImport({
  handle,
  kind: "loans",
  period,
  file: fileSource(file),
  actor: { id: null },
  onProgress: (progress) => {
    if (progress.phase === "merged") process.exit(EXIT_CODE_INSIDE_TRANSACTION);
  },
});
process.exit(0);
