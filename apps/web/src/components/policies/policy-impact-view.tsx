"use client";

import { useLocale, useTranslations } from "next-intl";
import { GroupKey } from "../codes/group-key";
import type { WarningReason } from "../codes/run-codes";
import { useCodeText } from "../codes/use-code-text";
import Link from "next/link";
import { customersHref } from "../customers/customer-filter-params";
import { MigrationMatrix } from "../dashboard/migration-matrix";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { moneyColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { formatCount } from "~/i18n/format";

type TransitionMatrix = { labels: string[]; counts: number[][]; stayedCount: number; movedCount: number };
type TierTotals = { tier: string; customers: number; contributionFen: bigint };
export type PolicyImpact = {
  period: string;
  version: number;
  activeVersion: number;
  customerCount: number;
  migration: { tiers: TransitionMatrix; grades: TransitionMatrix };
  totalsByTier: { active: TierTotals[]; previewed: TierTotals[] };
  warnings: (WarningReason & { groupKey: string; change: "starts" | "stops" | "continues" })[];
};

function toCells(matrix: TransitionMatrix) {
  return matrix.labels.flatMap((from, i) =>
    matrix.labels.map((to, j) => ({ from, to, customers: matrix.counts[i]?.[j] ?? 0 })),
  );
}

/** What a draft would change: tier and grade transitions, totals by tier, warnings that start or stop. */
export function PolicyImpactView({ impact }: { impact: PolicyImpact }) {
  const t = useTranslations("policies");
  const locale = useLocale();
  const labels = useSegmentLabels();
  const codes = useCodeText();
  const money = useMoneyFormat();
  /** The customer list behind the preview: one cell, or (no cell) every customer whose tier would change. */
  const draftHref = (cell: { dimension?: "tier" | "grade"; from?: string; to?: string }) =>
    customersHref({
      draft: {
        version: impact.version,
        period: impact.period,
        dimension: cell.dimension ?? "tier",
        from: cell.from ? [cell.from] : [],
        to: cell.to ? [cell.to] : [],
      },
    });
  const previewedByTier = new Map(impact.totalsByTier.previewed.map((row) => [row.tier, row]));
  const tiers = [
    ...new Set([
      ...impact.totalsByTier.active.map((row) => row.tier),
      ...impact.totalsByTier.previewed.map((row) => row.tier),
    ]),
  ];
  const before = (tier: string) => impact.totalsByTier.active.find((row) => row.tier === tier);
  const after = (tier: string) => previewedByTier.get(tier);
  const columns: DataColumn<string>[] = [
    {
      id: "tier",
      header: t("tierName"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => labels.tierLabel(row.original),
    },
    {
      id: "customersBefore",
      header: t("before"),
      accessorFn: (tier) => before(tier)?.customers ?? 0,
      meta: { isNumeric: true },
      cell: ({ row }) => formatCount(before(row.original)?.customers ?? 0, locale),
    },
    {
      id: "customersAfter",
      header: t("after"),
      accessorFn: (tier) => after(tier)?.customers ?? 0,
      meta: { isNumeric: true },
      cell: ({ row }) => formatCount(after(row.original)?.customers ?? 0, locale),
    },
    moneyColumn<string>({
      id: "contributionBefore",
      header: money.withUnit(t("before")),
      fen: (tier) => before(tier)?.contributionFen ?? 0n,
    }),
    moneyColumn<string>({
      id: "contributionAfter",
      header: money.withUnit(t("after")),
      fen: (tier) => after(tier)?.contributionFen ?? 0n,
    }),
  ];
  return (
    <div data-testid="policy-impact">
      <p className="muted">
        {t("impactSummary", {
          moved: formatCount(impact.migration.tiers.movedCount, locale),
          total: formatCount(impact.customerCount, locale),
          active: impact.activeVersion,
          version: impact.version,
        })}{" "}
        {impact.migration.tiers.movedCount > 0 ? (
          <Link href={draftHref({})} data-count={impact.migration.tiers.movedCount} data-testid="impact-changed-link">
            {t("impactChangedList")}
          </Link>
        ) : null}
      </p>
      <div className="grid-2">
        <MigrationMatrix
          cells={toCells(impact.migration.tiers)}
          order={impact.migration.tiers.labels}
          label={(value) => (value === null ? "—" : labels.tierLabel(value))}
          caption={t("impactTiers")}
          hrefFor={(from, to) => (from && to ? draftHref({ dimension: "tier", from, to }) : undefined)}
        />
        <MigrationMatrix
          cells={toCells(impact.migration.grades)}
          order={impact.migration.grades.labels}
          label={(value) => value ?? "—"}
          caption={t("impactGrades")}
          hrefFor={(from, to) => (from && to ? draftHref({ dimension: "grade", from, to }) : undefined)}
        />
      </div>
      <div className="form-gap">
        <DataTable
          columns={columns}
          rows={tiers}
          rowId={(tier) => tier}
          caption={t("impactTotals")}
          isCaptionVisible
          empty={null}
        />
      </div>
      <h4>{t("impactWarnings")}</h4>
      {impact.warnings.filter((warning) => warning.change !== "continues").length === 0 ? (
        <p className="muted">{t("impactNoWarningChange")}</p>
      ) : (
        <ul>
          {impact.warnings
            .filter((warning) => warning.change !== "continues")
            .map((warning) => (
              <li key={`${warning.groupKey}-${warning.change}`}>
                <span className={`badge ${warning.change === "starts" ? "danger" : "ok"}`}>
                  {warning.change === "starts" ? t("warningStarts") : t("warningStops")}
                </span>{" "}
                <strong>
                  <GroupKey value={warning.groupKey} />
                </strong>{" "}
                {codes.warningReason(warning)}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
