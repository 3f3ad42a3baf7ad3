"use client";

import { useLocale, useTranslations } from "next-intl";
import { MigrationMatrix } from "../dashboard/migration-matrix";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { formatCount, formatWanNumber } from "~/i18n/format";

type TransitionMatrix = { labels: string[]; counts: number[][]; stayedCount: number; movedCount: number };
type TierTotals = { tier: string; customers: number; contributionFen: bigint };
export type PolicyImpact = {
  period: string;
  version: number;
  activeVersion: number;
  customerCount: number;
  migration: { tiers: TransitionMatrix; grades: TransitionMatrix };
  totalsByTier: { active: TierTotals[]; previewed: TierTotals[] };
  warnings: { groupKey: string; change: "starts" | "stops" | "continues"; messageZh: string; messageEn: string }[];
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
  const previewedByTier = new Map(impact.totalsByTier.previewed.map((row) => [row.tier, row]));
  const tiers = [
    ...new Set([
      ...impact.totalsByTier.active.map((row) => row.tier),
      ...impact.totalsByTier.previewed.map((row) => row.tier),
    ]),
  ];
  return (
    <div data-testid="policy-impact">
      <p className="muted">
        {t("impactSummary", {
          moved: formatCount(impact.migration.tiers.movedCount, locale),
          total: formatCount(impact.customerCount, locale),
          active: impact.activeVersion,
          version: impact.version,
        })}
      </p>
      <div className="grid-2">
        <MigrationMatrix
          cells={toCells(impact.migration.tiers)}
          order={impact.migration.tiers.labels}
          label={(value) => (value === null ? "—" : labels.tierLabel(value))}
          caption={t("impactTiers")}
        />
        <MigrationMatrix
          cells={toCells(impact.migration.grades)}
          order={impact.migration.grades.labels}
          label={(value) => value ?? "—"}
          caption={t("impactGrades")}
        />
      </div>
      <table className="data" style={{ marginTop: "0.6rem" }}>
        <caption>{t("impactTotals")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tierName")}</th>
            <th scope="col" className="num">
              {t("before")}
            </th>
            <th scope="col" className="num">
              {t("after")}
            </th>
            <th scope="col" className="num">
              {t("before")} (万元)
            </th>
            <th scope="col" className="num">
              {t("after")} (万元)
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier) => {
            const before = impact.totalsByTier.active.find((row) => row.tier === tier);
            const after = previewedByTier.get(tier);
            return (
              <tr key={tier}>
                <td>{labels.tierLabel(tier)}</td>
                <td className="num">{formatCount(before?.customers ?? 0, locale)}</td>
                <td className="num">{formatCount(after?.customers ?? 0, locale)}</td>
                <td className="num">{formatWanNumber(before?.contributionFen ?? 0n)}</td>
                <td className="num">{formatWanNumber(after?.contributionFen ?? 0n)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
                {locale === "en" ? warning.messageEn : warning.messageZh}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
