"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatAxisMoney, formatChartMoney, formatCount, formatPct } from "~/i18n/format";

/** How a clustering feature reads: amounts are yuan, rates annual percent, terms months (core feature names). */
function kindOf(feature: string): "money" | "rate" | "months" | "number" {
  if (feature.includes("amount") || feature.endsWith("_fen") || feature.includes("balance")) return "money";
  if (feature.includes("rate")) return "rate";
  if (feature.includes("term") || feature.includes("months")) return "months";
  return "number";
}

/**
 * A clustering feature's values in the reader's units, for profiles, axes and tooltips: amounts in 万 / 亿 (or m),
 * rates in %, terms in months. Profiles hold raw units (yuan, percent, months), as core computes them.
 */
export function useFeatureFormat() {
  const locale = useLocale();
  const t = useTranslations("clusters");
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return {
    /** An axis tick. */
    tick: (feature: string, value: number) => {
      const kind = kindOf(feature);
      if (kind === "money") return formatAxisMoney(value, locale);
      if (kind === "rate") return formatPct(value, 1);
      return number.format(value);
    },
    /** A figure with its unit. */
    full: (feature: string, value: number) => {
      const kind = kindOf(feature);
      if (kind === "money") return formatChartMoney(value, locale);
      if (kind === "rate") return formatPct(value);
      if (kind === "months") return t("months", { n: formatCount(Math.round(value), locale) });
      return number.format(value);
    },
    /** A large diagnostic number (inertia) in compact notation. */
    compact: (value: number) =>
      new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 2 }).format(value),
  };
}
