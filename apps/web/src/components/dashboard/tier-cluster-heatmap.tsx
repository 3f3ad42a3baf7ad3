"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { heatColors } from "../charts/palette";
import { formatCount } from "~/i18n/format";

export type HeatCell = { tier: string; cluster: number | null; customers: number };

/** Tier × cluster customer counts as a table shaded by size; every cell drills down to its customers. */
export function TierClusterHeatmap({
  cells,
  tiers,
  tierLabel,
  clusterLabel,
  hrefFor,
}: {
  cells: HeatCell[];
  tiers: string[];
  tierLabel: (tier: string) => string;
  clusterLabel: (cluster: number | null) => string;
  hrefFor: (tier: string, cluster: number | null) => string;
}) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const clusters = [...new Set(cells.map((cell) => cell.cluster))].sort((a, b) => (a ?? 1e9) - (b ?? 1e9));
  const max = Math.max(1, ...cells.map((cell) => cell.customers));
  return (
    <div className="table-wrap">
      <table className="data heat">
        <caption>{t("heatmapCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("segment")}</th>
            {clusters.map((cluster) => (
              <th scope="col" key={String(cluster)} className="num" title={clusterLabel(cluster)}>
                {cluster === null ? t("noCluster") : `#${cluster}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => (
            <tr key={tier}>
              <th scope="row" style={{ textAlign: "left", fontWeight: 400 }}>
                {tierLabel(tier)}
              </th>
              {clusters.map((cluster) => {
                const count = cells.find((cell) => cell.tier === tier && cell.cluster === cluster)?.customers ?? 0;
                const colors = heatColors(count / max);
                return (
                  <td key={String(cluster)} style={{ background: colors.background, color: colors.color }}>
                    {count > 0 ? (
                      <Link
                        href={hrefFor(tier, cluster)}
                        aria-label={`${tierLabel(tier)} × ${clusterLabel(cluster)}: ${count}`}
                      >
                        {formatCount(count, locale)}
                      </Link>
                    ) : (
                      "0"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
