"use client";

import { renderClusterLabel, type ClusterLabel } from "@creditseg/core/clustering";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

export type ClusterLabelSource = { clusterNo: number; label: ClusterLabel };

/** Display names for tiers (policy data: unknown names show as typed), grades, classes and clusters. */
export function useSegmentLabels(clusters: readonly ClusterLabelSource[] = []) {
  const t = useTranslations();
  const locale = useLocale();
  const tierLabel = useCallback(
    (tier: string | null | undefined) => {
      if (!tier) return "—";
      const key = `tiers.${tier}` as const;
      return t.has(key as "tiers.core") ? t(key as "tiers.core") : tier;
    },
    [t],
  );
  const gradeLabel = useCallback(
    (grade: string | null | undefined) => {
      if (!grade) return "—";
      const key = `grades.${grade}`;
      return t.has(key as "grades.AAA") ? t(key as "grades.AAA") : grade;
    },
    [t],
  );
  const classificationLabel = useCallback(
    (value: string | null | undefined) => {
      if (!value) return "—";
      const key = `classifications.${value}`;
      return t.has(key as "classifications.normal") ? t(key as "classifications.normal") : value;
    },
    [t],
  );
  const clusterLabel = useCallback(
    (cluster: number | null | undefined) => {
      if (cluster === null || cluster === undefined) return t("dashboard.noCluster");
      const found = clusters.find((c) => c.clusterNo === cluster);
      const name = found ? renderClusterLabel(found.label, locale) : null;
      return name ? `${t("dashboard.cluster", { n: cluster })} · ${name}` : t("dashboard.cluster", { n: cluster });
    },
    [clusters, locale, t],
  );
  return { tierLabel, gradeLabel, classificationLabel, clusterLabel };
}
