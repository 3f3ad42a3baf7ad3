import { Command, CommanderError } from "commander";
import * as clusterCommand from "./commands/cluster";
import * as dbCommand from "./commands/db";
import * as exportCommand from "./commands/export";
import * as groupCommand from "./commands/group";
import * as importCommand from "./commands/import";
import * as policyCommand from "./commands/policy";
import * as runCommand from "./commands/run";
import * as runsCommand from "./commands/runs";
import * as segmentCommand from "./commands/segment";
import { CliError } from "./cli-error";

/** Builds the `creditseg` program; each command module registers its own sub-commands. */
export function buildProgram(): Command {
  const program = new Command("creditseg")
    .description("CreditSeg: customer contribution, segmentation and grouping for SME / corporate lending")
    .exitOverride()
    .showHelpAfterError();
  for (const command of [
    dbCommand,
    policyCommand,
    clusterCommand,
    groupCommand,
    segmentCommand,
    importCommand,
    runCommand,
    runsCommand,
    exportCommand,
  ]) {
    command.register(program);
  }
  return program;
}

/** Runs the CLI and returns the process exit code: 0 success, 1 unexpected failure, 2 bad input. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`creditseg: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`creditseg: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
