/** Where a cluster's centre sits against the overall terciles of one feature. */
export type FeatureLevel = "low" | "mid" | "high";

/** A cluster's business name in Chinese and English, e.g. 小额·短期·高利率 / small · short · high-rate. */
export type ClusterLabel = { zh: string; en: string };

type LevelWords = Record<FeatureLevel, { zh: string; en: string }>;

/** Words for the loan features; the order of this table is the order of the label's parts. */
const KNOWN_FEATURES: { names: readonly string[]; words: LevelWords }[] = [
  {
    names: ["amount", "金额", "loan_amount"],
    words: { low: { zh: "小额", en: "small" }, mid: { zh: "中额", en: "mid-size" }, high: { zh: "大额", en: "large" } },
  },
  {
    names: ["term_months", "term", "期限", "期限(月)"],
    words: {
      low: { zh: "短期", en: "short" },
      mid: { zh: "中期", en: "medium-term" },
      high: { zh: "长期", en: "long" },
    },
  },
  {
    names: ["rate", "利率", "执行利率"],
    words: {
      low: { zh: "低利率", en: "low-rate" },
      mid: { zh: "中利率", en: "mid-rate" },
      high: { zh: "高利率", en: "high-rate" },
    },
  },
];

const GENERIC_ZH: Record<FeatureLevel, string> = { low: "低", mid: "中", high: "高" };

/** Level of `value` against the overall lower and upper terciles (values on a tercile count as mid). */
export function classifyLevel(value: number, lowerTercile: number, upperTercile: number): FeatureLevel {
  if (value < lowerTercile) return "low";
  if (value > upperTercile) return "high";
  return "mid";
}

/**
 * Builds the label from each feature's level: known loan features first (amount · term · rate),
 * then other features in their given order with generic words ("revenue高" / "high revenue").
 */
export function buildClusterLabel(features: readonly string[], levels: readonly FeatureLevel[]): ClusterLabel {
  const parts: { zh: string; en: string }[] = [];
  const used = new Set<number>();
  for (const known of KNOWN_FEATURES) {
    const at = features.findIndex((f, i) => !used.has(i) && known.names.includes(f.toLowerCase()));
    if (at < 0) continue;
    used.add(at);
    parts.push(known.words[levels[at]!]);
  }
  features.forEach((feature, i) => {
    if (used.has(i)) return;
    const level = levels[i]!;
    parts.push({ zh: `${feature}${GENERIC_ZH[level]}`, en: `${level} ${feature}` });
  });
  return { zh: parts.map((p) => p.zh).join("·"), en: parts.map((p) => p.en).join(" · ") };
}

/** Appends " (2)", " (3)" … to repeated labels so every cluster's name is distinct. */
export function disambiguateLabels(labels: readonly ClusterLabel[]): ClusterLabel[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label.en) ?? 0) + 1;
    seen.set(label.en, count);
    return count === 1 ? label : { zh: `${label.zh} (${count})`, en: `${label.en} (${count})` };
  });
}
