"use client";

import type { CategoricalTrait, GroupName, NumericTrait } from "@creditseg/core";
import { useLocale, useTranslations } from "next-intl";
import { createElement, Fragment, useCallback, type ReactNode } from "react";
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

/** Categorical attributes whose values the interface words through its catalogues; any other value (industry,
 * region) is the bank's own data, shown as stored and marked `translate="no"`. */
const WORDED_ATTRIBUTES = new Set(["size", "main_guarantee", "risk_level", "status"]);

/** The bank's own words inside a rendered text: neither a browser translator nor a reader should take them for
 * interface text. */
const dataText = (text: string, key?: string | number) => createElement("span", { translate: "no", key }, text);

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
  const partNodes = useCallback(
    (groupName: GroupName): ReactNode[] =>
      groupName.parts.map((part, i) =>
        "level" in part
          ? tryKey(`groups.levels.${part.attribute}.${part.level}`, `${attribute(part.attribute)} ${part.level}`)
          : WORDED_ATTRIBUTES.has(part.attribute)
            ? value(part.attribute, part.value)
            : dataText(part.value, i),
      ),
    [attribute, tryKey, value],
  );
  /** A group's name as text (sorting, headings built from messages). */
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
  /** A group's name for the screen: the same words, with the bank's own values (industry, region) marked as data. */
  const nameNode = useCallback(
    (groupName: GroupName, groupNo: number): ReactNode => {
      const parts = partNodes(groupName);
      if (parts.length === 0) return `#${groupNo}`;
      const separator = t("groups.separator");
      const joined = parts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]));
      if (groupName.ordinal !== null) joined.push(t("groups.ordinal", { n: groupName.ordinal }));
      return createElement(Fragment, null, ...joined);
    },
    [partNodes, t],
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
        .map((trait): { key: string; content: ReactNode } => ({
          key: trait.attribute,
          content: t("groups.numericTrait", {
            attribute: attribute(trait.attribute),
            group: mean(trait.attribute, trait.groupMean),
            portfolio: mean(trait.attribute, trait.portfolioMean),
          }),
        }));
      const categorical = profile.categorical.flatMap((trait) =>
        trait.values
          .filter((v) => v.value !== "" && v.lift >= limits.minLift && v.share >= 0.3)
          .slice(0, 2)
          .map((v) => ({
            key: `${trait.attribute}:${v.value}`,
            content: t.rich("groups.categoryTrait", {
              attribute: attribute(trait.attribute),
              value: WORDED_ATTRIBUTES.has(trait.attribute) ? value(trait.attribute, v.value) : v.value,
              share: shareText(v.share),
              portfolioShare: shareText(v.portfolioShare),
              data: (chunks) => (WORDED_ATTRIBUTES.has(trait.attribute) ? chunks : dataText(v.value, "data")),
            }),
          })),
      );
      return [...numeric, ...categorical];
    },
    [attribute, mean, t, value],
  );
  const guidance = useCallback((code: string) => tryKey(`groups.guidance.${code}`, code), [tryKey]);
  return { attribute, value, mean, name, nameNode, traits, guidance };
}
