// Worker thread of the parallel k-means pool: runs the restarts it is given on shared rows.
import { parentPort } from "node:worker_threads";
import { runKMeansOnce } from "../src/clustering";
import type { RestartJob, RestartOutcome } from "./parallel-kmeans";

parentPort!.on("message", (job: RestartJob) => {
  const data = new Float64Array(job.rows);
  let best: RestartOutcome["best"] = null;
  const inertias: [number, number][] = [];
  for (const restart of job.restarts) {
    const fit = runKMeansOnce({
      data,
      dims: job.dims,
      k: job.k,
      seed: job.seed,
      restart,
      maxIterations: job.maxIterations,
      absoluteTolerance: job.absoluteTolerance,
    });
    inertias.push([restart, fit.inertia]);
    if (!best || fit.inertia < best.inertia) best = { restart, ...fit };
  }
  const outcome: RestartOutcome = { inertias, best, error: null };
  parentPort!.postMessage(
    outcome,
    best ? [best.labels.buffer as ArrayBuffer, best.centroids.buffer as ArrayBuffer] : [],
  );
});
