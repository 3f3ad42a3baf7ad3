import type { Command } from "commander";
import { COMMANDS } from "./catalog";
import { findActingUser, type DbHandle } from "@creditseg/db";
import {
  createPostgresQueue,
  EngineError,
  queueRun,
  startRun,
  type Actor,
  type EngineErrorCode,
} from "@creditseg/engine";
import { CliError } from "../cli-error";
import { queueUrlOf } from "../job-queue";
import { withDatabase } from "../open-database";
import { createProgress } from "../progress";

/** Engine errors caused by what was typed (exit 2); the rest are the state of the system (exit 1). */
const INPUT_ERRORS: readonly EngineErrorCode[] = ["INVALID_INPUT", "INVALID_POLICY", "NOT_FOUND", "FORBIDDEN"];

/** Runs a command body, turning engine errors into one-line CLI errors with the right exit code. */
export async function reportEngineErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EngineError) throw new CliError(error.message, INPUT_ERRORS.includes(error.code) ? 2 : 1);
    throw error;
  }
}

/** A whole number option ≥ `min`, or a CliError naming the option. */
export function parseWholeNumber(option: string, value: string, min = 0): number {
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value)))
    throw new CliError(`${option} must be a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

/**
 * The user the command acts as (audit trail, four eyes): `--as` (user id or e-mail), else the first active risk
 * manager. Their role comes from the users table, not from the command line.
 */
export async function resolveActor(handle: DbHandle, as: string | undefined): Promise<Actor & { email: string }> {
  const user = await findActingUser(handle.db, { idOrEmail: as });
  if (!user)
    throw new CliError(
      as ? `no active user "${as}"` : "no active risk manager to act as: create one, or name a user with --as",
      2,
    );
  return user;
}

export function register(program: Command): void {
  program
    .command("run")
    .description(COMMANDS.run.description)
    .requiredOption("--period <period>", "data period, e.g. 2025")
    .option("--policy <version>", "approved policy version to apply (default: the active one)")
    .option("--seed <n>", "clustering seed (default: the policy's)")
    .option("--as <user>", "user id or e-mail to act as (default: the first active risk manager)")
    .option("--detach", "queue the run for a worker (PostgreSQL), print its id and return; follow it with `runs wait`")
    .action(async (options: { period: string; policy?: string; seed?: string; as?: string; detach?: boolean }) => {
      const policyVersion = options.policy === undefined ? undefined : parseWholeNumber("--policy", options.policy, 1);
      const seed = options.seed === undefined ? undefined : parseWholeNumber("--seed", options.seed);
      await withDatabase((handle) =>
        reportEngineErrors(async () => {
          const actor = await resolveActor(handle, options.as);
          if (options.detach) {
            queueUrlOf(handle, "--detach");
            const queued = await queueRun(handle, createPostgresQueue(), {
              actor,
              period: options.period,
              policyVersion,
              seed,
            });
            // The id alone on stdout, so scripts can `id=$(creditseg run --period 2025 --detach)`.
            process.stdout.write(`${queued.id}\n`);
            process.stderr.write(
              `run ${queued.id} queued: period ${queued.period}, policy version ${queued.policyVersion}, seed ${queued.seed}, as ${actor.email}\n`,
            );
            return;
          }
          const progress = createProgress(`run ${options.period}`, 100);
          const started = performance.now();
          let stage = "";
          const { run, completion } = await startRun(handle, {
            actor,
            period: options.period,
            policyVersion,
            seed,
            onProgress: (p) => {
              if (p.stage !== stage && !process.stderr.isTTY) process.stderr.write(`${p.stage}…\n`);
              stage = p.stage;
              progress.update(p.progressPct);
            },
          });
          const outcome = await completion;
          progress.stop();
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const stages = Object.entries(outcome.timingsMs)
            .filter(([name]) => !name.includes("."))
            .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
            .join(", ");
          if (outcome.status === "failed")
            throw new CliError(
              `run ${run.id} (period ${run.period}, policy ${run.policyVersion}) failed after ${seconds} s: ${outcome.error}`,
              1,
            );
          process.stdout.write(
            `run ${run.id} succeeded in ${seconds} s (${stages}): period ${run.period}, policy version ${run.policyVersion}, seed ${run.seed}, as ${actor.email}\n` +
              `result checksum ${outcome.resultChecksum}\n`,
          );
        }),
      );
    });
}
