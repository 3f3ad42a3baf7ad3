/**
 * k-means restarts spread over worker threads. Core stays single-threaded and pure; this pool lives
 * beside it (Node-only) and plugs into `clusterPointsWith`. Each restart has its own seeded stream, and
 * the lowest inertia wins with ties going to the lowest restart number — so the result is identical to
 * `runKMeans` whatever the number of workers.
 *
 * The thread count is picked by size (`kmeansThreadsFor`): a small fit runs on the calling thread with
 * core's `runKMeans`, as a segment run does, and the workers start only when the first large fit arrives.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  ClusteringInputError,
  DEFAULT_TOLERANCE,
  meanFeatureVariance,
  runKMeans,
  type KMeansFit,
  type KMeansRequest,
  type LloydResult,
} from "../src/clustering";

/**
 * Rows below which a fit stays on the calling thread. Copying the rows to shared memory, waking the
 * workers and their colder compiled code cost more than the fit itself up to a few hundred thousand rows
 * × 3 features on 2 cores (bench/README.md, cluster figures); above it the restarts split across threads.
 */
export const POOL_MIN_ROWS = 250_000;

/** Threads for a fit of `rows` rows with `available` threads: 1 below `POOL_MIN_ROWS`, else all. */
export function kmeansThreadsFor(rows: number, available: number): number {
  return rows < POOL_MIN_ROWS ? 1 : Math.max(1, available);
}

export type RestartJob = {
  rows: SharedArrayBuffer;
  dims: number;
  k: number;
  seed: number;
  restarts: number[];
  maxIterations: number;
  absoluteTolerance: number;
};
export type RestartOutcome = {
  inertias: [number, number][];
  best: (LloydResult & { restart: number }) | null;
  error: string | null;
};

export type KMeansPool = {
  fitKMeans(request: KMeansRequest): Promise<KMeansFit>;
  close(): Promise<void>;
};

/**
 * A pool of up to `size` workers (default: the machine's parallelism), started on the first fit that
 * `kmeansThreadsFor` sends to threads. Call `close()` when done.
 */
export function createKMeansPool(size = availableParallelism()): KMeansPool {
  // The worker is TypeScript source like the rest of the workspace: it registers tsx before loading it.
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./kmeans-worker.ts", import.meta.url).href)}); });`;
  const startedWorkers: Worker[] = [];
  const startWorkers = (): Worker[] => {
    if (startedWorkers.length === 0)
      for (let w = 0; w < Math.max(1, size); w++) startedWorkers.push(new Worker(bootstrap, { eval: true }));
    return startedWorkers;
  };
  // Rows are copied into shared memory once per data set, then every job reads them in place.
  const shared = new WeakMap<Float64Array, SharedArrayBuffer>();
  const toShared = (data: Float64Array): SharedArrayBuffer => {
    let buffer = shared.get(data);
    if (!buffer) {
      buffer = new SharedArrayBuffer(data.byteLength);
      new Float64Array(buffer).set(data);
      shared.set(data, buffer);
    }
    return buffer;
  };
  const runJob = (worker: Worker, job: RestartJob): Promise<RestartOutcome> =>
    new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        worker.off("message", onMessage);
        reject(error);
      };
      const onMessage = (outcome: RestartOutcome): void => {
        worker.off("error", onError);
        resolve(outcome);
      };
      worker.once("message", onMessage);
      worker.once("error", onError);
      worker.postMessage(job);
    });

  return {
    async fitKMeans(request) {
      const { data, dims, k, restarts, seed } = request;
      const n = data.length / dims;
      if (!Number.isInteger(k) || k < 1 || k > n)
        throw new ClusteringInputError(`k = ${k} exceeds the number of rows (${n})`);
      if (kmeansThreadsFor(n, size) === 1) return runKMeans(request);
      const workers = startWorkers();
      const absoluteTolerance = (request.tolerance ?? DEFAULT_TOLERANCE) * meanFeatureVariance(data, dims);
      const rows = toShared(data);
      const jobs = workers.map((_, w) =>
        Array.from({ length: restarts }, (_, r) => r).filter((r) => r % workers.length === w),
      );
      let outcomes: RestartOutcome[];
      try {
        outcomes = await Promise.all(
          jobs.map((assigned, w) =>
            assigned.length === 0
              ? Promise.resolve<RestartOutcome>({ inertias: [], best: null, error: null })
              : runJob(workers[w]!, {
                  rows,
                  dims,
                  k,
                  seed,
                  restarts: assigned,
                  maxIterations: request.maxIterations ?? 300,
                  absoluteTolerance,
                }),
          ),
        );
      } catch (error) {
        // runKMeansOnce's input errors (fewer distinct rows than k) surface as worker errors.
        if (error instanceof Error && /distinct|exceeds/.test(error.message))
          throw new ClusteringInputError(error.message);
        throw error;
      }
      const restartInertias = new Array<number>(restarts);
      for (const outcome of outcomes)
        for (const [restart, inertia] of outcome.inertias) restartInertias[restart] = inertia;
      const best = outcomes
        .map((o) => o.best)
        .filter((b) => b !== null)
        .sort((a, b) => a.inertia - b.inertia || a.restart - b.restart)[0]!;
      const { restart, ...fit } = best;
      return { ...fit, k, restartInertias, bestRestart: restart };
    },
    async close() {
      await Promise.all(startedWorkers.map((w) => w.terminate()));
    },
  };
}
