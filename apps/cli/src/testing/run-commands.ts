import { Command } from "commander";
import { vi } from "vitest";
import { CliError } from "../cli-error";

type Registrar = (program: Command) => void;

/**
 * Runs `creditseg <args>` in-process with only the given commands registered, capturing stdout;
 * a CliError (the CLI's bad-input and environment failures) is returned instead of thrown.
 */
export async function runCommands(
  registrars: readonly Registrar[],
  args: string[],
): Promise<{ stdout: string; error: CliError | null }> {
  const program = new Command("creditseg").exitOverride();
  for (const register of registrars) register(program);
  let stdout = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: "user" });
    return { stdout, error: null };
  } catch (error) {
    if (error instanceof CliError) return { stdout, error };
    throw error;
  } finally {
    spy.mockRestore();
  }
}
