import type { ProjectWarning, ProjectWarningKind } from "@creditseg/core";

/** The early-warning level a warning kind is stored with: a rate above the cap alerts, a steep rise is watched. */
export const WARNING_LEVELS: Record<ProjectWarningKind, "alert" | "watch"> = {
  signal_rate_above_limit: "alert",
  signal_rate_rise: "watch",
};

/**
 * The `reason` an early-warning row stores: the warning's code (`kind`) and parameters, never a sentence; the
 * interface words it. Rates are percent strings with two decimals.
 */
export type WarningReason = Omit<ProjectWarning, "groupKey">;

export function warningReason(warning: ProjectWarning): WarningReason {
  const { groupKey: _groupKey, ...reason } = warning;
  return reason;
}
