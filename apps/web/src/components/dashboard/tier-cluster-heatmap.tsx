"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { heatColors } from "../charts/palette";
import { DataTable, type DataColumn } from "../ui/data-table";
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
  const countOf = (tier: string, cluster: number | null) =>
    cells.find((cell) => cell.tier === tier && cell.cluster === cluster)?.customers ?? 0;
  const columns: DataColumn<string>[] = [
    {
      id: "tier",
      header: t("segment"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => tierLabel(row.original),
    },
    ...clusters.map((cluster): DataColumn<string> => ({
      id: `cluster-${String(cluster)}`,
      header: () => <span title={clusterLabel(cluster)}>{cluster === null ? t("noCluster") : `#${cluster}`}</span>,
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) => {
        const tier = row.original;
        const count = countOf(tier, cluster);
        return (
          <span className="heat-cell" style={heatColors(count / max)}>
            {count > 0 ? (
              <Link
                href={hrefFor(tier, cluster)}
                aria-label={`${tierLabel(tier)} × ${clusterLabel(cluster)}: ${count}`}
                data-count={count}
              >
                {formatCount(count, locale)}
              </Link>
            ) : (
              "0"
            )}
          </span>
        );
      },
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={tiers}
      rowId={(tier) => tier}
      caption={t("heatmapCaption")}
      isCaptionVisible
      variant="heat"
      empty={null}
    />
  );
}
