import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { parsePeriod } from "@creditseg/core/calendar";
import { migrateDb, resetDb } from "@creditseg/db";
import { dropJobQueue } from "@creditseg/engine";
import { migrateJobQueueOf } from "../job-queue";
import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { CliError } from "../cli-error";
import { withDatabase } from "../open-database";
import { createProgress } from "../progress";

export function register(program: Command): void {
  const db = program.command("db").description(COMMANDS.db.description);

  db.command("migrate")
    .description("apply pending migrations")
    .action(async () => {
      await withDatabase(async (handle) => {
        await migrateDb(handle);
        await migrateJobQueueOf(handle);
        process.stdout.write(`migrated ${handle.kind} database at ${handle.location}\n`);
      });
    });

  db.command("seed")
    .description("load the deterministic demo world and one demo user per role (skipped when data exists)")
    .option("--customers <n>", "number of customers", "2000")
    .option("--loans <n>", "target number of loans (default ≈ 3 per customer)")
    .option("--period <year>", "calendar year of the data", "2025")
    .option("--seed <n>", "random seed", "20250101")
    .action(async (options: { customers: string; loans?: string; period: string; seed: string }) => {
      const customers = parsePositiveInt("--customers", options.customers);
      const loans = options.loans === undefined ? undefined : parsePositiveInt("--loans", options.loans);
      // The demo world is a calendar year of data: a quarter or month code is refused here.
      if (parsePeriod(options.period)?.kind !== "year")
        throw new CliError(`--period must be a year such as 2025, not "${options.period}"`);
      const seed = parsePositiveInt("--seed", options.seed, true);
      await withDatabase(async (handle) => {
        await migrateDb(handle);
        await migrateJobQueueOf(handle);
        const started = performance.now();
        const progress = createProgress("seeding customers", customers);
        const summary = await seedDemoWorld(handle, {
          customers,
          loans,
          period: options.period,
          seed,
          onProgress: (p) => progress.update(p.customersDone),
        });
        progress.stop();
        if (summary.isSkipped) {
          process.stdout.write(`seed skipped: ${summary.reason}\n`);
        } else {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `seeded ${handle.kind} database at ${handle.location} in ${seconds} s: ${summary.customers} customers, ${summary.loans} loans, ${summary.deposits} deposits, ${summary.fees} fee lines, ${summary.projects} projects (period ${summary.period})\n`,
          );
        }
        process.stdout.write(`demo users (password ${DEMO_PASSWORD}):\n`);
        for (const user of summary.users) process.stdout.write(`  ${user.role.padEnd(15)} ${user.email}\n`);
      });
    });

  db.command("reset")
    .description("drop every table and migrate again (all data is lost)")
    .option("--yes", "confirm")
    .action(async (options: { yes?: boolean }) => {
      if (!options.yes) throw new CliError("db reset deletes all data: add --yes to confirm");
      await withDatabase(async (handle) => {
        await resetDb(handle);
        // Jobs of the dropped runs would find nothing to claim; an empty queue is the honest state after a reset.
        if (handle.kind === "postgres") await dropJobQueue(handle);
        await migrateJobQueueOf(handle);
        process.stdout.write(`reset ${handle.kind} database at ${handle.location}\n`);
      });
    });
}

function parsePositiveInt(flag: string, value: string, allowZero = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
    throw new CliError(`${flag} must be a whole number${allowZero ? "" : " above 0"}, not "${value}"`);
  return n;
}
