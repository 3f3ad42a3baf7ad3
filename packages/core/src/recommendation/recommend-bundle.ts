import type { Classification, Grade } from "../constants";
import type { PreferredBundle } from "./build-tier-cluster-table";

export type BundleLabel = { zh: string; en: string };
export type RecommendationAction = "keep" | "shift" | "offer" | "hold";

/**
 * Why a bundle is (not) recommended, as a code with parameters; the interface words it with the cluster's label
 * and the tier's name. `balanceSharePct` is the share (percent, two decimals) of the top tier's loan balance in
 * the preferred bundle; `topTier` is that tier's name (a policy code).
 */
export type RecommendationReason =
  | { code: "hold_classification"; classification: Classification }
  | { code: "hold_grade_b" }
  | { code: "hold_no_loans_no_preference" }
  | { code: "keep_top_tier"; cluster: number }
  | { code: "keep_no_preference"; cluster: number }
  | { code: "keep_matches_preference"; cluster: number; topTier: string; balanceSharePct: string }
  | { code: "offer_preferred"; cluster: number; topTier: string; balanceSharePct: string }
  | { code: "shift_to_preferred"; fromCluster: number; cluster: number; topTier: string; balanceSharePct: string };

export type BundleRecommendation = {
  action: RecommendationAction;
  /** The recommended cluster (bundle), or null when no bundle is recommended. */
  cluster: number | null;
  reason: RecommendationReason;
};

export type RecommendBundleInput = {
  tier: string;
  /** The policy's first (highest) tier, whose preferences define the target bundle. */
  topTier: string;
  grade: Grade;
  classification: Classification;
  /** The customer's benefit segment; null without loans. */
  cluster: number | null;
  /** The top tier's preferred bundles, best first (findPreferredBundles). */
  topTierPreferences: readonly PreferredBundle[];
};

/**
 * Recommends a product bundle to one customer, with the reason as a code:
 * - hold: loans below normal or grade B — no new credit product;
 * - keep: a top-tier customer, or one already in the top tier's preferred bundle;
 * - shift: steer towards the bundle top-tier customers prefer (the seed's matching of products to high-contribution customers);
 * - offer: no loans yet — offer the preferred bundle.
 */
export function recommendBundle(input: RecommendBundleInput): BundleRecommendation {
  if (input.classification !== "normal" || input.grade === "B") {
    const reason: RecommendationReason =
      input.classification !== "normal"
        ? { code: "hold_classification", classification: input.classification }
        : { code: "hold_grade_b" };
    return { action: "hold", cluster: null, reason };
  }
  const preferred = input.topTierPreferences[0];
  const own = input.cluster;
  if (own !== null && (input.tier === input.topTier || !preferred)) {
    const code = input.tier === input.topTier ? "keep_top_tier" : "keep_no_preference";
    return { action: "keep", cluster: own, reason: { code, cluster: own } };
  }
  if (!preferred) return { action: "hold", cluster: null, reason: { code: "hold_no_loans_no_preference" } };
  const evidence = { cluster: preferred.cluster, topTier: input.topTier, balanceSharePct: preferred.balanceSharePct };
  if (own === null)
    return { action: "offer", cluster: preferred.cluster, reason: { code: "offer_preferred", ...evidence } };
  if (own === preferred.cluster)
    return { action: "keep", cluster: own, reason: { code: "keep_matches_preference", ...evidence } };
  return {
    action: "shift",
    cluster: preferred.cluster,
    reason: { code: "shift_to_preferred", fromCluster: own, ...evidence },
  };
}
