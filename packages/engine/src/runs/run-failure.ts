import type { CodedFailure } from "../errors/coded-failure";
import { EngineError } from "../errors/engine-error";

/**
 * Why a segment run failed, as a code with parameters the screens render in the reader's language: cancelled by a
 * risk manager, its worker gone or silent, cancelled before it began, taken for dead while writing, the period's
 * data changed while it read it, no data for the period, or an unexpected error.
 */
export const RUN_FAILURE_CODES = [
  "cancelled",
  "worker_stopped",
  "heartbeat_lost",
  "not_started",
  "taken_for_dead",
  "data_changed",
  "no_data",
  "unexpected_error",
] as const;
export type RunFailureCode = (typeof RUN_FAILURE_CODES)[number];
export type RunFailure = CodedFailure<RunFailureCode>;

/** An engine error that stops a run, carrying the failure it stands for. */
export function runFailureError(failure: RunFailure, message: string): EngineError {
  return new EngineError(failure.code === "no_data" ? "NO_DATA" : "CONFLICT", message, { runFailure: failure });
}

/** The failure an error thrown while executing a run stands for. */
export function runFailureOf(error: unknown): RunFailure {
  const details = error instanceof EngineError ? (error.details as { runFailure?: RunFailure } | undefined) : undefined;
  return details?.runFailure ?? { code: "unexpected_error", params: {} };
}
