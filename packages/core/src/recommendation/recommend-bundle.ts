import { CLASSIFICATION_LABELS_ZH, type Classification, type Grade } from "../constants";
import type { PreferredBundle } from "./build-tier-cluster-table";

export type BundleLabel = { zh: string; en: string };
export type RecommendationAction = "keep" | "shift" | "offer" | "hold";

export type BundleRecommendation = {
  action: RecommendationAction;
  /** The recommended cluster (bundle), or null when no bundle is recommended. */
  cluster: number | null;
  reasonZh: string;
  reasonEn: string;
};

export type RecommendBundleInput = {
  tier: string;
  /** The policy's first (highest) tier, whose preferences define the target bundle. */
  topTier: string;
  /** The top tier's Chinese name for the reason text (default 核心客户). */
  topTierLabelZh?: string;
  grade: Grade;
  classification: Classification;
  /** The customer's benefit segment; null without loans. */
  cluster: number | null;
  /** The top tier's preferred bundles, best first (findPreferredBundles). */
  topTierPreferences: readonly PreferredBundle[];
  labels: readonly BundleLabel[];
};

/**
 * Recommends a product bundle to one customer, with the reason in Chinese and English:
 * - hold: loans below normal or grade B — no new credit product;
 * - keep: a top-tier customer, or one already in the top tier's preferred bundle;
 * - shift: steer towards the bundle top-tier customers prefer (the seed's matching of products to high-contribution customers);
 * - offer: no loans yet — offer the preferred bundle.
 */
export function recommendBundle(input: RecommendBundleInput): BundleRecommendation {
  const label = (cluster: number) => input.labels[cluster] ?? { zh: `群${cluster}`, en: `cluster ${cluster}` };
  if (input.classification !== "normal" || input.grade === "B") {
    const why =
      input.classification !== "normal"
        ? {
            zh: `五级分类为${CLASSIFICATION_LABELS_ZH[input.classification]}`,
            en: `classification is ${input.classification}`,
          }
        : { zh: "风险等级为B", en: "risk grade is B" };
    return {
      action: "hold",
      cluster: null,
      reasonZh: `${why.zh}，暂不推荐新增授信产品。`,
      reasonEn: `${why.en}: no new credit product recommended.`,
    };
  }
  const preferred = input.topTierPreferences[0];
  const own = input.cluster;
  if (own !== null && (input.tier === input.topTier || !preferred)) {
    const why =
      input.tier === input.topTier
        ? { zh: "高贡献客户", en: "high-contribution customer" }
        : { zh: "暂无高层级客户偏好数据", en: "no top-tier preference available" };
    return {
      action: "keep",
      cluster: own,
      reasonZh: `${why.zh}：维持并深化当前组合「${label(own).zh}」。`,
      reasonEn: `${why.en}: keep and deepen the current bundle "${label(own).en}".`,
    };
  }
  if (!preferred) {
    return {
      action: "hold",
      cluster: null,
      reasonZh: "尚无贷款，且暂无核心客户偏好数据。",
      reasonEn: "No loans yet and no top-tier preference available.",
    };
  }
  const target = label(preferred.cluster);
  const evidenceZh = `${input.topTierLabelZh ?? "核心客户"}贷款余额的${preferred.balanceSharePct}%集中在「${target.zh}」`;
  const evidenceEn = `${preferred.balanceSharePct}% of ${input.topTier} customers' loan balance is in "${target.en}"`;
  if (own === null) {
    return {
      action: "offer",
      cluster: preferred.cluster,
      reasonZh: `尚无贷款；${evidenceZh}，建议推荐该组合。`,
      reasonEn: `No loans yet; ${evidenceEn}: offer that bundle.`,
    };
  }
  if (own === preferred.cluster) {
    return {
      action: "keep",
      cluster: own,
      reasonZh: `当前组合与${input.topTierLabelZh ?? "核心客户"}偏好一致（${evidenceZh}），建议维持。`,
      reasonEn: `Current bundle matches the top-tier preference (${evidenceEn}): keep it.`,
    };
  }
  return {
    action: "shift",
    cluster: preferred.cluster,
    reasonZh: `当前组合为「${label(own).zh}」；${evidenceZh}，建议引导至该组合以提升贡献度。`,
    reasonEn: `Current bundle is "${label(own).en}"; ${evidenceEn}: steer towards it to raise contribution.`,
  };
}
