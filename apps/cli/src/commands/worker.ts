import type { Command } from "commander";
import { jobSubjectOf, startJobWorker, tuneWorkerHeap } from "@creditseg/engine";
import { CliError } from "../cli-error";
import { queueUrlOf } from "../job-queue";
import { openDatabase } from "../open-database";
import { COMMANDS } from "./catalog";
import { parseWholeNumber } from "./run";

export function register(program: Command): void {
  program
    .command("worker")
    .description(COMMANDS.worker.description)
    .option("--concurrency <n>", "jobs executed at once (each run holds its period in memory: size by RAM)", "1")
    .option("--exit-when-idle", "stop once no job is waiting and none is executing here")
    .action(async (options: { concurrency: string; exitWhenIdle?: boolean }) => {
      const concurrency = parseWholeNumber("--concurrency", options.concurrency, 1);
      if (concurrency > 32) throw new CliError(`--concurrency must be at most 32, not ${concurrency}`);
      tuneWorkerHeap();
      const handle = await openDatabase();
      try {
        const url = queueUrlOf(handle, "creditseg worker");
        const worker = await startJobWorker(handle, {
          connectionString: url,
          concurrency,
          exitWhenIdle: options.exitWhenIdle,
          onEvent: (event) =>
            process.stderr.write(`worker ${process.pid}: ${event.type} ${event.job.kind} ${jobSubjectOf(event.job)}\n`),
        });
        process.stderr.write(`worker ${process.pid}: taking jobs (concurrency ${concurrency})\n`);
        let signals = 0;
        const onSignal = (signal: NodeJS.Signals) => {
          // First signal: take no new job, finish those executing. Second: leave now (their runs are then marked
          // failed as abandoned by the next dead-run check).
          if (++signals > 1) process.exit(130);
          process.stderr.write(`worker ${process.pid}: ${signal}, finishing the jobs in progress\n`);
          void worker.stop();
        };
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
        await worker.done;
        process.stderr.write(`worker ${process.pid}: stopped\n`);
      } finally {
        await handle.close();
      }
    });
}
