import { CLASSIFICATIONS, type Classification } from "../constants";

/** The worst (most severe) classification among a customer's loans; normal when it has none. */
export function worstClassification(classifications: Iterable<Classification>): Classification {
  let worstIndex = 0;
  for (const classification of classifications) {
    const index = CLASSIFICATIONS.indexOf(classification);
    if (index > worstIndex) worstIndex = index;
  }
  return CLASSIFICATIONS[worstIndex]!;
}
