"use client";

import type { CategoricalTrait, GroupName, NumericTrait } from "@creditseg/core";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { formatAmount, formatPct } from "~/i18n/format";

/** How a numeric grouping attribute's raw mean reads: attributes in CNY are money, shares and ratios percent. */
const ATTRIBUTE_UNITS: Record<string, "pct" | "share" | "ratio" | "yuan" | "days"> = {
  debt_ratio_pct: "pct",
  roa_pct: "pct",
  current_ratio: "ratio",
  revenue: "yuan",
  fee_income: "yuan",
  total_investment: "yuan",
  secured_share: "share",
  credit_share: "share",
  deposit_share: "share",
  loan_to_investment: "share",
  overdue_days: "days",
};

/** A category's share of a group (0..1) as a percent with no decimals. */
const shareText = (share: number) => formatPct(share * 100, 0);

/**
 * The words of 客户群体, rendered from the codes a run stored: a group's banker's name from its name parts,
 * attribute names, category values (sizes, guarantees, project risk and status through their catalogues; industry
 * and region are data values), numeric means in their unit, and guidance product codes.
 */
export function useGroupText() {
  const t = useTranslations();
  const locale = useLocale();
  const tryKey = useCallback(
    (key: string, fallback: string) => (t.has(key as "groups.title") ? t(key as "groups.title") : fallback),
    [t],
  );
  const attribute = useCallback((name: string) => tryKey(`groups.attributes.${name}`, name), [tryKey]);
  const value = useCallback(
    (name: string, raw: string) => {
      if (name === "size") return tryKey(`sizes.${raw}`, raw);
      if (name === "main_guarantee") return tryKey(`guarantees.${raw}`, raw);
      if (name === "risk_level") return tryKey(`groups.projectRisk.${raw}`, raw);
      if (name === "status") return tryKey(`groups.projectStatus.${raw}`, raw);
      return raw;
    },
    [tryKey],
  );
  const mean = useCallback(
    (name: string, raw: number) => {
      const unit = ATTRIBUTE_UNITS[name];
      if (unit === "yuan") return formatAmount(BigInt(Math.round(raw * 100)), locale);
      if (unit === "share") return formatPct(raw * 100, 0);
      if (unit === "pct") return formatPct(raw, 1);
      if (unit === "days") return raw.toFixed(0);
      return raw.toFixed(2);
    },
    [locale],
  );
  const name = useCallback(
    (groupName: GroupName, groupNo: number) => {
      const parts = groupName.parts.map((part) =>
        "level" in part
          ? tryKey(`groups.levels.${part.attribute}.${part.level}`, `${attribute(part.attribute)} ${part.level}`)
          : value(part.attribute, part.value),
      );
      const text = parts.length > 0 ? parts.join(t("groups.separator")) : `#${groupNo}`;
      return groupName.ordinal === null ? text : `${text}${t("groups.ordinal", { n: groupName.ordinal })}`;
    },
    [attribute, t, tryKey, value],
  );
  /** The traits that set a group apart, strongest first: numeric means far from the bank's, over-represented values. */
  const traits = useCallback(
    (
      profile: { numeric: NumericTrait[]; categorical: CategoricalTrait[] },
      limits = { minAbsZ: 0.5, minLift: 1.3 },
    ) => {
      const numeric = profile.numeric
        .filter((trait) => Math.abs(trait.z) >= limits.minAbsZ)
        .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
        .map((trait) =>
          t("groups.numericTrait", {
            attribute: attribute(trait.attribute),
            group: mean(trait.attribute, trait.groupMean),
            portfolio: mean(trait.attribute, trait.portfolioMean),
          }),
        );
      const categorical = profile.categorical.flatMap((trait) =>
        trait.values
          .filter((v) => v.value !== "" && v.lift >= limits.minLift && v.share >= 0.3)
          .slice(0, 2)
          .map((v) =>
            t("groups.categoryTrait", {
              attribute: attribute(trait.attribute),
              value: value(trait.attribute, v.value),
              share: shareText(v.share),
              portfolioShare: shareText(v.portfolioShare),
            }),
          ),
      );
      return [...numeric, ...categorical];
    },
    [attribute, mean, t, value],
  );
  const guidance = useCallback((code: string) => tryKey(`groups.guidance.${code}`, code), [tryKey]);
  return { attribute, value, mean, name, traits, guidance };
}
