/** An error the CLI reports as one line, without a stack trace. Exit code 2 = bad input, 1 = environment or failure. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}
