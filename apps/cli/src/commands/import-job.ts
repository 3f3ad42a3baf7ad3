import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import type { ImportKind } from "@creditseg/core/constants";
import { findActingUser, type DbHandle } from "@creditseg/db";
import { createPostgresQueue, queueFileImport, readImportJob, type ImportJobOptions } from "@creditseg/engine";
import type { Command } from "commander";
import { CliError } from "../cli-error";
import { queueUrlOf } from "../job-queue";
import { withDatabase } from "../open-database";
import { COMMANDS } from "./catalog";
import { reportOutcome } from "./import";
import { parseWholeNumber, reportEngineErrors } from "./run";

/** How often `import-wait` reads the job row, ms. */
const WAIT_POLL_MS = 1_000;

/**
 * `creditseg import FILE --detach`: the file goes into the database as a pending upload of the acting admin and its
 * commit is queued for a worker (PostgreSQL only); prints the job's id alone on stdout.
 */
export async function queueDetachedImport(
  handle: DbHandle,
  args: {
    file: string;
    as: string | undefined;
    kind: ImportKind;
    period?: string;
    maxBytes: number;
    options: ImportJobOptions;
  },
): Promise<void> {
  queueUrlOf(handle, "--detach");
  const actor = await findActingUser(handle.db, { idOrEmail: args.as, role: "admin" });
  if (!actor)
    throw new CliError(
      args.as ? `no active user "${args.as}"` : "no active admin to act as: create one, or name a user with --as",
      2,
    );
  const job = await reportEngineErrors(() =>
    queueFileImport(handle, createPostgresQueue(), {
      actor,
      name: basename(args.file),
      body: createReadStream(args.file),
      maxBytes: args.maxBytes,
      kind: args.kind,
      period: args.period ?? null,
      options: args.options,
    }),
  );
  // The id alone on stdout, so scripts can `id=$(creditseg import … --detach)`.
  process.stdout.write(`${job.id}\n`);
  process.stderr.write(`import job ${job.id} queued: ${args.kind} ${args.file}, as ${actor.email}\n`);
}

export function register(program: Command): void {
  program
    .command("import-wait")
    .description(COMMANDS["import-wait"].description)
    .argument("<job>", "import job id (printed by import --detach)")
    .option("--timeout <seconds>", "give up (exit 1, the job goes on) after this many seconds")
    .action(async (jobId: string, options: { timeout?: string }) => {
      if (!/^[0-9a-f-]{36}$/i.test(jobId)) throw new CliError(`import job id must be a UUID, not "${jobId}"`);
      const timeoutMs =
        options.timeout === undefined
          ? Number.POSITIVE_INFINITY
          : parseWholeNumber("--timeout", options.timeout, 1) * 1000;
      await withDatabase(async (handle) => {
        const started = performance.now();
        let last = "";
        for (;;) {
          // readImportJob marks a dead worker's job failed first, so waiting on a killed worker's job ends.
          const job = await readImportJob(handle, jobId);
          if (!job) throw new CliError(`no import job ${jobId}`, 2);
          const line = `${job.status} ${job.phase ?? ""} ${job.rowsProcessed} rows`;
          if (line !== last) process.stderr.write(`import job ${jobId}: ${line}\n`);
          last = line;
          if (job.status === "failed") {
            const failure = job.failure ? `${job.failure.code} ${JSON.stringify(job.failure.params)}` : "no reason";
            throw new CliError(`import job ${jobId} failed (${failure}): ${job.error ?? ""}`, 1);
          }
          if (job.status === "succeeded") {
            if (!job.report) throw new CliError(`import job ${jobId} succeeded without a report`, 1);
            // The report and the ending of `creditseg import` run here: committed, already loaded, or rejected (exit 2).
            reportOutcome(job.report, { isJson: false });
            return;
          }
          if (performance.now() - started > timeoutMs)
            throw new CliError(`import job ${jobId} is still ${job.status} after ${options.timeout} s; it goes on`, 1);
          await delay(WAIT_POLL_MS);
        }
      });
    });
}
