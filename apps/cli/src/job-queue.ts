import { readDbEnv, type DbHandle } from "@creditseg/db";
import { migrateJobQueue } from "@creditseg/engine";
import { CliError } from "./cli-error";

/** The PostgreSQL URL the queue lives on (the same DATABASE_URL the handle was opened with). */
export function queueUrlOf(handle: DbHandle, what: string): string {
  const url = readDbEnv().DATABASE_URL;
  if (handle.kind !== "postgres" || !url)
    throw new CliError(
      `${what} needs PostgreSQL (set DATABASE_URL): the embedded database is opened by one process at a time, so its runs execute in the process that starts them (run without --detach, or start the app with npm start).`,
      2,
    );
  return url;
}

/** Installs or upgrades the job queue's schema on PostgreSQL, beside the application's migrations. */
export async function migrateJobQueueOf(handle: DbHandle): Promise<void> {
  if (handle.kind === "postgres") await migrateJobQueue(queueUrlOf(handle, "the job queue"));
}
