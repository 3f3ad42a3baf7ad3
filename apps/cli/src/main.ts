import { Command, CommanderError } from "commander";
import { registerCommands } from "./commands/catalog";
import { CliError } from "./cli-error";

/**
 * Builds the `creditseg` program for `argv` (node, script, args): only the module of the command
 * asked for is loaded; the others are listed by name and description.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command("creditseg")
    .description("CreditSeg: customer contribution, segmentation and grouping for SME / corporate lending")
    .exitOverride()
    .showHelpAfterError();
  await registerCommands(program, argv.slice(2));
  return program;
}

/** Runs the CLI and returns the process exit code: 0 success, 1 unexpected failure, 2 bad input. */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
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
