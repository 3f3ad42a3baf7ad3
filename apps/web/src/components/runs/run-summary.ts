/**
 * The parts of a run's stored summary (`segment_runs.summary`, written by the engine's `buildRunSummary`) its detail
 * page shows. The summary is JSON: each field is read defensively, so a run stored by an older version shows what
 * it has and a dash for the rest.
 */
export type RunSummaryFacts = {
  /** Milliseconds per stage, in the order the run went through them. */
  timingsMs: { stage: string; ms: number }[];
  clustering: {
    k: number | null;
    /** Rows each candidate k was fitted on. */
    selectionSampleSize: number | null;
    silhouetteSampleSize: number | null;
    restarts: number | null;
    seed: number | null;
    features: string[];
    skippedReason: string | null;
  } | null;
  results: {
    customerCount: number | null;
    loanCount: number | null;
    tierCounts: Record<string, number>;
    gradeCounts: Record<string, number>;
    projectGroupCount: number | null;
    warningCount: number | null;
    overridesApplied: number | null;
  } | null;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const numberOf = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const countsOf = (value: unknown): Record<string, number> =>
  isRecord(value)
    ? Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number"),
      )
    : {};

/** Reads the facts the run page shows from a stored summary (null for a run without one). */
export function readRunSummary(summary: unknown): RunSummaryFacts {
  const root = isRecord(summary) ? summary : {};
  const timings = isRecord(root.timingsMs) ? root.timingsMs : {};
  const clustering = isRecord(root.clustering) ? root.clustering : null;
  const hasResults = "customerCount" in root;
  return {
    timingsMs: Object.entries(timings).flatMap(([stage, ms]) => (typeof ms === "number" ? [{ stage, ms }] : [])),
    clustering: clustering
      ? {
          k: numberOf(clustering.k),
          selectionSampleSize: numberOf(clustering.selectionSampleSize),
          silhouetteSampleSize: numberOf(clustering.silhouetteSampleSize),
          restarts: numberOf(clustering.restarts),
          seed: numberOf(clustering.seed),
          features: Array.isArray(clustering.features)
            ? clustering.features.filter((f): f is string => typeof f === "string")
            : [],
          skippedReason: typeof clustering.skippedReason === "string" ? clustering.skippedReason : null,
        }
      : null,
    results: hasResults
      ? {
          customerCount: numberOf(root.customerCount),
          loanCount: numberOf(root.loanCount),
          tierCounts: countsOf(root.tierCounts),
          gradeCounts: countsOf(root.gradeCounts),
          projectGroupCount: numberOf(root.projectGroupCount),
          warningCount: numberOf(root.warningCount),
          overridesApplied: numberOf(root.overridesApplied),
        }
      : null,
  };
}
