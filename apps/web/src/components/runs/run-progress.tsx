"use client";

import { useTranslations } from "next-intl";

/**
 * How often a page polls a run that is still moving, ms: the segmenting stage of a small portfolio lasts a second
 * or two, and its restarts should show rather than be skipped between two polls.
 */
export const ACTIVE_RUN_POLL_MS = 500;

/** Whether a run is still moving (its page and the runs list poll while one is). */
export function isRunActive(status: string): boolean {
  return status === "queued" || status === "running";
}

type ProgressFacts = {
  id: number;
  status: string;
  stage: string | null;
  progressPct: number;
  stageStepsDone: number | null;
  stageStepsTotal: number | null;
};

/** A run's progress bar with its stage and, while segmenting, the k-means restarts done of those planned. */
export function RunProgressCell({ run }: { run: ProgressFacts }) {
  const t = useTranslations("runs");
  const tStage = useTranslations("runStage");
  const stage = run.stage && tStage.has(run.stage as "loading") ? tStage(run.stage as "loading") : (run.stage ?? "");
  const hasSteps = isRunActive(run.status) && run.stageStepsTotal !== null && run.stageStepsTotal > 0;
  return (
    <div className="row" data-testid={`run-progress-${run.id}`}>
      <progress
        className="progress"
        max={100}
        value={run.progressPct}
        aria-valuenow={run.progressPct}
        aria-label={`${t("progress")} #${run.id}`}
      />
      <span className="muted" data-stage={run.stage ?? ""}>
        {run.progressPct}% {stage}
        {hasSteps ? ` · ${t("restartsDone", { done: run.stageStepsDone ?? 0, total: run.stageStepsTotal ?? 0 })}` : ""}
      </span>
    </div>
  );
}
