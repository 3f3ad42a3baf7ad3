import { runKMeans, type KMeansFit } from "./run-kmeans";

/** A k-means fit a computation needs: the arguments of `runKMeans`. */
export type KMeansRequest = Parameters<typeof runKMeans>[0];

/**
 * A computation written as steps: it yields each k-means fit it needs and receives the fit back (or,
 * when the fit fails, the error thrown at the yield, so it may skip that k). Written once, it runs
 * synchronously (`driveFits`) or with the fits delegated (`driveFitsWith`: worker threads, or fits
 * that pause between restarts so a server keeps answering).
 */
export type FitSteps<T> = Generator<KMeansRequest, T, KMeansFit>;

/** Runs the steps with `runKMeans` for every fit. */
export function driveFits<T>(steps: FitSteps<T>): T {
  let step = steps.next();
  while (!step.done) {
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
 * Runs the steps with `fitKMeans` for every fit. `fitKMeans` must return what `runKMeans` returns for
 * the same request; restarts have independent seeded streams, so any split of them gives the same result.
 */
export async function driveFitsWith<T>(steps: FitSteps<T>, fitKMeans: (request: KMeansRequest) => Promise<KMeansFit>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
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
