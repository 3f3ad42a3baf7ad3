/** Where a cluster's centre sits against the overall terciles of one feature. */
export type FeatureLevel = "low" | "mid" | "high";

/** The loan features a label has words for. */
export type KnownFeature = "amount" | "term" | "rate";

/** One part of a cluster's name: a known loan feature's level, or any other feature by its name and level. */
export type ClusterLabelPart = { known: KnownFeature; level: FeatureLevel } | { feature: string; level: FeatureLevel };

/**
 * A cluster's business name as a code and parameters, never words: its parts in order (amount · term · rate first)
 * and, when an earlier cluster has the same parts, its ordinal (2, 3 …). `renderClusterLabel` words it.
 */
export type ClusterLabel = { code: "cluster.features"; params: { parts: ClusterLabelPart[]; ordinal: number | null } };

export type LabelLocale = "zh-CN" | "en";

type Words = Record<FeatureLevel, string>;

/** Known loan features: the names a column may carry, and their words; the order of this table is the label's. */
const KNOWN_FEATURES: { known: KnownFeature; names: readonly string[] }[] = [
  { known: "amount", names: ["amount", "金额", "loan_amount"] },
  { known: "term", names: ["term_months", "term", "期限", "期限(月)"] },
  { known: "rate", names: ["rate", "利率", "执行利率"] },
];

/** The one catalogue of cluster-name words, for every output (web, CLI, exports). */
export const CLUSTER_LABEL_WORDS: Record<
  LabelLocale,
  { known: Record<KnownFeature, Words>; generic: Words; separator: string }
> = {
  "zh-CN": {
    known: {
      amount: { low: "小额", mid: "中额", high: "大额" },
      term: { low: "短期", mid: "中期", high: "长期" },
      rate: { low: "低利率", mid: "中利率", high: "高利率" },
    },
    generic: { low: "低", mid: "中", high: "高" },
    separator: "·",
  },
  en: {
    known: {
      amount: { low: "small", mid: "mid-size", high: "large" },
      term: { low: "short", mid: "medium-term", high: "long" },
      rate: { low: "low-rate", mid: "mid-rate", high: "high-rate" },
    },
    generic: { low: "low", mid: "mid", high: "high" },
    separator: " · ",
  },
};

/** Level of `value` against the overall lower and upper terciles (values on a tercile count as mid). */
export function classifyLevel(value: number, lowerTercile: number, upperTercile: number): FeatureLevel {
  if (value < lowerTercile) return "low";
  if (value > upperTercile) return "high";
  return "mid";
}

/**
 * Builds the label from each feature's level: known loan features first (amount · term · rate),
 * then other features in their given order ("revenue高" / "high revenue" once rendered).
 */
export function buildClusterLabel(features: readonly string[], levels: readonly FeatureLevel[]): ClusterLabel {
  const parts: ClusterLabelPart[] = [];
  const used = new Set<number>();
  for (const { known, names } of KNOWN_FEATURES) {
    const at = features.findIndex((f, i) => !used.has(i) && names.includes(f.toLowerCase()));
    if (at < 0) continue;
    used.add(at);
    parts.push({ known, level: levels[at]! });
  }
  features.forEach((feature, i) => {
    if (!used.has(i)) parts.push({ feature, level: levels[i]! });
  });
  return { code: "cluster.features", params: { parts, ordinal: null } };
}

/** Numbers repeated labels 2, 3 … so every cluster's name is distinct once rendered. */
export function disambiguateLabels(labels: readonly ClusterLabel[]): ClusterLabel[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const key = JSON.stringify(label.params.parts);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? label : { ...label, params: { ...label.params, ordinal: count } };
  });
}

/** A cluster's name in one language: 小额·短期·高利率 / small · short · high-rate, "(2)" for a repeated one. */
export function renderClusterLabel(label: ClusterLabel, locale: LabelLocale): string {
  const words = CLUSTER_LABEL_WORDS[locale];
  const text = label.params.parts
    .map((part) =>
      "known" in part
        ? words.known[part.known][part.level]
        : locale === "en"
          ? `${words.generic[part.level]} ${part.feature}`
          : `${part.feature}${words.generic[part.level]}`,
    )
    .join(words.separator);
  return label.params.ordinal === null ? text : `${text} (${label.params.ordinal})`;
}
