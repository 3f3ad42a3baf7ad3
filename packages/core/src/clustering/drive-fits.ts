import { runKMeans, type KMeansFit } from "./run-kmeans";

/** A k-means fit a computation needs: the arguments of `runKMeans`. */
export type KMeansRequest = Parameters<typeof runKMeans>[0];

/**
 * A computation written as steps: it yields each k-means fit it needs and receives the fit back (or,
 * when the fit fails, the error thrown at the yield, so it may skip that k), and yields null where a
 * long stretch of work may pause. Written once, it runs synchronously (`driveFits`) or with the fits
 * delegated and the pauses taken (`driveFitsWith`: worker threads, or a web server that keeps answering).
 */
export type FitSteps<T> = Generator<KMeansRequest | null, T, KMeansFit | undefined>;

/** Inside a `FitSteps` generator: `const fit = yield* fitStep(request)`. */
export function* fitStep(request: KMeansRequest): FitSteps<KMeansFit> {
  const fit = yield request;
  if (!fit) throw new Error("a k-means step was resumed without its fit");
  return fit;
}

/** Inside a `FitSteps` generator: `yield* pauseStep()` between long stretches of work. */
export function* pauseStep(): FitSteps<void> {
  yield null;
}

/** Runs the steps with `runKMeans` for every fit, without pausing. */
export function driveFits<T>(steps: FitSteps<T>): T {
  let step = steps.next();
  while (!step.done) {
    if (step.value === null) {
      step = steps.next(undefined);
      continue;
    }
    let fit: KMeansFit;
    try {
      fit = runKMeans(step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(fit);
  }
  return step.value;
}

/**
 * Runs the steps with `fitKMeans` for every fit, awaiting `pause` at every pause point. `fitKMeans`
 * must return what `runKMeans` returns for the same request; restarts have independent seeded streams,
 * so any split of them gives the same result.
 */
export async function driveFitsWith<T>(
  steps: FitSteps<T>,
  fitKMeans: (request: KMeansRequest) => Promise<KMeansFit>,
  pause: () => Promise<void> = async () => {},
): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    if (step.value === null) {
      await pause();
      step = steps.next(undefined);
      continue;
    }
    let fit: KMeansFit;
    try {
      fit = await fitKMeans(step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(fit);
  }
  return step.value;
}
