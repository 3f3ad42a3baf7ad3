/** Stable codes callers (tRPC routers, the CLI) may branch on; messages are fit to show a user. */
export const ENGINE_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "INVALID_INPUT",
  "INVALID_POLICY",
  "NO_ACTIVE_POLICY",
  "NO_DATA",
  "SELF_APPROVAL",
  "CONFLICT",
  "RUN_ALREADY_ACTIVE",
  // An override proposed while another on the same customer and field awaits a decision.
  "OVERRIDE_PENDING",
  // An override that proposes the value the run computed (confirm it instead).
  "OVERRIDE_UNCHANGED",
] as const;
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/** A workflow or input error with a stable code; `details` carries structured facts (e.g. policy field issues). */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/** True when `error` (or a cause in its chain, as Drizzle wraps driver errors) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const e = current as {
      code?: string;
      constraint?: string;
      constraint_name?: string;
      message?: string;
      cause?: unknown;
    };
    if (
      e.code === "23505" &&
      (e.constraint === constraint || e.constraint_name === constraint || e.message?.includes(constraint))
    )
      return true;
    current = e.cause;
  }
  return false;
}
