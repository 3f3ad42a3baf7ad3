import { isNodeRuntime, readAuthSecret } from "./env";

/** Runs once when the server starts: a production server with a default secret stops here. */
export function register(): void {
  if (isNodeRuntime) readAuthSecret();
}
