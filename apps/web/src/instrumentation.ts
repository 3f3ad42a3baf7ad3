import { isNodeRuntime, readAuthSecret } from "./env";

/** Runs once when the server starts: a production server with a missing or default secret exits here. */
export function register(): void {
  if (!isNodeRuntime) return;
  try {
    readAuthSecret();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
