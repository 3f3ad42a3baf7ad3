"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import { formatAmount, formatPct } from "~/i18n/format";
import { useSegmentLabels } from "../segments/use-segment-labels";
import type { RecommendationReason, ScoreBin, TierCondition, WarningReason } from "./run-codes";

/** Factors whose value is a category with its own catalogue (size, loan classification). */
const CATEGORY_NAMESPACES = { size: "sizes", worstClassification: "classifications" } as const;

/**
 * Words for the codes a run stores (tier conditions, scorecard bins, recommendation reasons, project-group
 * warnings and their dimensions) in the interface language, money in the reader's unit. One place renders each
 * code, so every page that shows it reads the same. An unknown code shows as stored rather than vanishing.
 */
export function useCodeText(clusterLabel?: (cluster: number | null) => string) {
  const t = useTranslations("codes");
  const tAll = useTranslations();
  const locale = useLocale();
  const labels = useSegmentLabels();
  const cluster = clusterLabel ?? labels.clusterLabel;

  const list = useCallback((items: readonly string[]) => items.join(t("listSeparator")), [t]);

  /** A code from one of the shared catalogues (sizes, classifications, …), or the code itself. */
  const fromCatalogue = useCallback(
    (namespace: string, code: string | null | undefined) => {
      if (code === null || code === undefined || code === "") return "—";
      const key = `${namespace}.${code}`;
      return tAll.has(key as "sizes.large") ? tAll(key as "sizes.large") : code;
    },
    [tAll],
  );

  const tierCondition = useCallback(
    (condition: TierCondition) => {
      switch (condition.code) {
        case "contribution":
          return t("tierContribution", {
            passed: String(condition.passed),
            value: formatAmount(BigInt(condition.contributionFen), locale),
            threshold: formatAmount(BigInt(condition.minContributionFen), locale),
          });
        case "classification":
          return t("tierClassification", {
            passed: String(condition.passed),
            classification: labels.classificationLabel(condition.classification),
            allowed: list(condition.allowed.map((c) => labels.classificationLabel(c))),
          });
        case "catch_all":
          return t("tierCatchAll");
      }
    },
    [labels, list, locale, t],
  );

  /** A scorecard factor's value: categories by their catalogue name, numbers as read. */
  const factorValue = useCallback(
    (factor: string, value: string | number | null) => {
      if (value === null) return t("binMissing");
      const namespace = CATEGORY_NAMESPACES[factor as keyof typeof CATEGORY_NAMESPACES];
      return namespace ? fromCatalogue(namespace, String(value)) : String(value);
    },
    [fromCatalogue, t],
  );

  const scoreBin = useCallback(
    (factor: string, value: string | number | null, bin: ScoreBin | null) => {
      if (!bin) return "—";
      switch (bin.kind) {
        case "missing":
          return t("binMissing");
        case "other":
          return t("binOther");
        case "values":
          return bin.values.join(" / ");
        case "category":
          return factorValue(factor, value);
        case "range":
          if (bin.upTo === null) return bin.above === null ? t("binAny") : t("binAbove", { above: bin.above });
          return bin.above === null
            ? t("binAtMost", { upTo: bin.upTo })
            : t("binBetween", { above: bin.above, upTo: bin.upTo });
      }
    },
    [factorValue, t],
  );

  const recommendationReason = useCallback(
    (reason: RecommendationReason | null) => {
      if (!reason) return "—";
      switch (reason.code) {
        case "hold_classification":
          return t("reason_hold_classification", { classification: labels.classificationLabel(reason.classification) });
        case "hold_grade_b":
        case "hold_no_loans_no_preference":
          return t(`reason_${reason.code}`);
        case "keep_top_tier":
        case "keep_no_preference":
          return t(`reason_${reason.code}`, { cluster: cluster(reason.cluster) });
        case "keep_matches_preference":
        case "offer_preferred":
          return t(`reason_${reason.code}`, {
            cluster: cluster(reason.cluster),
            topTier: labels.tierLabel(reason.topTier),
            share: formatPct(reason.balanceSharePct),
          });
        case "shift_to_preferred":
          return t("reason_shift_to_preferred", {
            fromCluster: cluster(reason.fromCluster),
            cluster: cluster(reason.cluster),
            topTier: labels.tierLabel(reason.topTier),
            share: formatPct(reason.balanceSharePct),
          });
      }
    },
    [cluster, labels, t],
  );

  const riskLevel = useCallback(
    (code: string | null | undefined) => fromCatalogue("riskLevels", code),
    [fromCatalogue],
  );
  const projectStatus = useCallback(
    (code: string | null | undefined) => fromCatalogue("projectStatus", code),
    [fromCatalogue],
  );
  const warningLevel = useCallback(
    (code: string | null | undefined) => fromCatalogue("warningLevels", code),
    [fromCatalogue],
  );

  /** A project group's key "industry|region|risk" as its three dimensions, the risk level translated. */
  const groupKey = useCallback(
    (key: string) => {
      const parts = key.split("|");
      if (parts.length !== 3) return key;
      const [industry, region, risk] = parts as [string, string, string];
      return t("groupKey", { industry, region, riskLevel: riskLevel(risk) });
    },
    [riskLevel, t],
  );

  const warningReason = useCallback(
    (reason: WarningReason | null) => {
      if (!reason) return "—";
      return reason.kind === "signal_rate_above_limit"
        ? t("warning_signal_rate_above_limit", {
            rate: formatPct(reason.signalRatePct),
            limit: formatPct(reason.limitPct),
          })
        : t("warning_signal_rate_rise", {
            rate: formatPct(reason.signalRatePct),
            change: reason.changePctPoints ?? "—",
            limit: reason.limitPct,
          });
    },
    [t],
  );

  /**
   * A policy field path ("tiers.0.minContribution") as names: each field by its catalogue name, list positions as
   * "#1", tier / class / size names as the interface names them.
   */
  const policyPath = useCallback(
    (path: string) => {
      if (path === "(policy)") return tAll("policyFields.root");
      return path
        .split(".")
        .map((segment) => {
          if (/^\d+$/u.test(segment)) return t("item", { n: Number(segment) + 1 });
          for (const namespace of ["policyFields", "tiers", "classifications", "sizes"]) {
            const key = `${namespace}.${segment}`;
            if (tAll.has(key as "policyFields.root")) return tAll(key as "policyFields.root");
          }
          return segment;
        })
        .join(t("pathSeparator"));
    },
    [t, tAll],
  );

  /** A policy validation problem by its code and parameters (core PolicyIssue). */
  const policyIssue = useCallback(
    (issue: { code: string; params: Record<string, string | number | boolean> }) => {
      const key = `policyIssues.${issue.code}`;
      const params = Object.fromEntries(
        Object.entries(issue.params).map(([name, value]) => [name, typeof value === "boolean" ? String(value) : value]),
      );
      return tAll.has(key as "policyIssues.other")
        ? tAll(key as "policyIssues.other", params as never)
        : tAll("policyIssues.other");
    },
    [tAll],
  );

  return useMemo(
    () => ({
      policyPath,
      policyIssue,
      tierCondition,
      factorValue,
      scoreBin,
      recommendationReason,
      riskLevel,
      projectStatus,
      warningLevel,
      groupKey,
      warningReason,
      fromCatalogue,
    }),
    [
      policyPath,
      policyIssue,
      tierCondition,
      factorValue,
      scoreBin,
      recommendationReason,
      riskLevel,
      projectStatus,
      warningLevel,
      groupKey,
      warningReason,
      fromCatalogue,
    ],
  );
}
