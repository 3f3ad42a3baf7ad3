"use client";

import { GRADES } from "@creditseg/core/constants";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { ParetoChart } from "../charts/pareto-chart";
import { SegmentBarChart } from "../charts/segment-bar-chart";
import { clusterFilterOf, customersHref } from "../customers/customer-filter-params";
import { useCan, useMe } from "../session/me-context";
import { readTierNames, sortByTierOrder } from "../segments/tier-order";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { SegmentationAndGrouping } from "../groups/segmentation-and-grouping";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { findPreviousRun, MIGRATION_RUNS, readRunSelector } from "./dashboard-inputs";
import { MigrationMatrix } from "./migration-matrix";
import { SegmentTable } from "./segment-table";
import { TierClusterHeatmap } from "./tier-cluster-heatmap";
import { WarningsTable } from "./warnings-table";
import { formatAmount, formatCount, formatPct, toChartYuan } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** The portfolio dashboard: the current run (or `?run=`), in the caller's scope, every figure drilling down. */
export function DashboardView() {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const me = useMe();
  const canStartRun = useCan("run.start");
  const router = useRouter();
  const selector = readRunSelector(useSearchParams());
  const trpc = useTRPC();
  const summary = useQuery(trpc.segment.summary.queryOptions(selector));
  const clusters = useQuery(trpc.segment.clusters.queryOptions(selector));
  const labels = useSegmentLabels(clusters.data?.clusters ?? []);
  const activePolicy = useQuery(trpc.policy.active.queryOptions());
  // Started with the summary, not after it: the panels below read these same queries from the cache,
  // so the page costs one round trip instead of two in a row.
  useQuery(trpc.segment.warnings.queryOptions(selector));
  useQuery(trpc.segmentRun.list.queryOptions(MIGRATION_RUNS));
  const tierOrder = readTierNames(activePolicy.data?.document);

  if (summary.error) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  if (summary.isPending) {
    return (
      <>
        <h1>{t("title")}</h1>
        <LoadingState rows={8} />
      </>
    );
  }
  const data = summary.data;
  if (!data) {
    return (
      <>
        <h1>{t("title")}</h1>
        <EmptyState title={t("noRunTitle")}>
          <p>{t("noRunBody")}</p>
          {canStartRun ? (
            <Link className="button primary" href="/runs">
              {t("startRun")}
            </Link>
          ) : null}
        </EmptyState>
      </>
    );
  }

  const runId = data.runId;
  const tiers = sortByTierOrder(data.byTier, (row) => row.tier, tierOrder).map((row) => row.tier);
  const go = (href?: string) => href && router.push(href);
  const tierRows = sortByTierOrder(data.byTier, (row) => row.tier, tierOrder).map((row) => ({
    key: row.tier,
    label: labels.tierLabel(row.tier),
    href: customersHref({ runId, tiers: [row.tier] }),
    ...row,
  }));
  const gradeRows = [...data.byGrade]
    .sort(
      (a, b) => GRADES.indexOf(a.grade as (typeof GRADES)[number]) - GRADES.indexOf(b.grade as (typeof GRADES)[number]),
    )
    .map((row) => ({
      key: row.grade,
      label: labels.gradeLabel(row.grade),
      href: customersHref({ runId, grades: [row.grade as (typeof GRADES)[number]] }),
      ...row,
    }));
  const clusterRows = [...data.byCluster]
    .sort((a, b) => (a.cluster ?? 1e9) - (b.cluster ?? 1e9))
    .map((row) => ({
      key: String(row.cluster),
      label: labels.clusterLabel(row.cluster),
      href:
        row.cluster === null
          ? customersHref({ runId, isWithoutCluster: true })
          : customersHref({ runId, clusters: [row.cluster] }),
      loansHref: row.cluster === null ? undefined : `/loans?run=${runId}&cluster=${row.cluster}`,
      ...row,
    }));

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <span className="muted">
          {me.role === "credit_officer" ? t("scopeOfficer", { officer: me.officerCode ?? "" }) : t("scopeAll")} ·{" "}
          <RunLabel runId={runId} period={data.period} />
        </span>
      </div>

      <section className="kpis" aria-label={t("title")}>
        <Kpi label={t("customers")} value={formatCount(data.totals.customers, locale)} />
        <Kpi label={t("loanBalance")} value={formatAmount(data.totals.loanBalanceFen, locale)} />
        <Kpi label={t("depositBalance")} value={formatAmount(data.totals.depositBalanceFen, locale)} />
        <Kpi label={t("contribution")} value={formatAmount(data.totals.contributionFen, locale)} />
        <Kpi label={t("nplRatio")} value={formatPct(data.totals.nplRatioPct)} />
      </section>
      <SegmentationAndGrouping
        runId={runId}
        tierCount={tierRows.length}
        gradeCount={gradeRows.length}
        clusterCount={clusterRows.filter((row) => row.cluster !== null).length}
      />

      <section className="panel chart-and-table" aria-labelledby="by-tier">
        <h2 id="by-tier">{t("byTier")}</h2>
        <SegmentBarChart
          data={tierRows.map((row) => ({ label: row.label, value: row.customers, href: row.href }))}
          valueLabel={t("customers")}
          onSelect={(bar) => go(bar.href)}
        />
        <SegmentTable caption={t("byTier")} rows={tierRows} />
      </section>
      <section className="panel chart-and-table" aria-labelledby="by-grade">
        <h2 id="by-grade">{t("byGrade")}</h2>
        <SegmentBarChart
          data={gradeRows.map((row) => ({ label: row.key, value: row.customers, href: row.href }))}
          valueLabel={t("customers")}
          onSelect={(bar) => go(bar.href)}
        />
        <SegmentTable caption={t("byGrade")} rows={gradeRows} />
      </section>
      <section className="panel chart-and-table" aria-labelledby="by-cluster">
        <h2 id="by-cluster">{t("byCluster")}</h2>
        <SegmentBarChart
          data={clusterRows.map((row) => ({
            label: row.key === "null" ? "—" : `#${row.key}`,
            value: toChartYuan(row.loanBalanceFen),
            href: row.href,
          }))}
          valueLabel={t("loanBalance")}
          kind="money"
          onSelect={(bar) => go(bar.href)}
        />
        <SegmentTable caption={t("byCluster")} rows={clusterRows} />
      </section>

      <div className="grid-2 section-gap">
        <section className="panel" aria-labelledby="npl">
          <h2 id="npl">{t("nplBySegment")}</h2>
          <SegmentBarChart
            data={[...tierRows, ...gradeRows].map((row) => ({
              label: row.label,
              value: Number(row.nplRatioPct ?? 0),
              href: row.href,
            }))}
            valueLabel={t("nplRatio")}
            kind="pct"
            onSelect={(bar) => go(bar.href)}
          />
        </section>
        <section className="panel" aria-labelledby="pareto">
          <h2 id="pareto">{t("pareto")}</h2>
          <ParetoChart
            data={data.concentration.pareto.map((point) => ({
              customerSharePct: point.customerSharePct,
              contributionSharePct: Number(point.contributionSharePct ?? 0),
            }))}
            xLabel={t("paretoX")}
            yLabel={t("paretoY")}
            onSelect={(point) => go(customersHref({ runId, topPct: point.customerSharePct }))}
          />
          <p className="muted">
            {t("top10", { pct: data.concentration.top10SharePct ?? "—" })} ·{" "}
            {t("top20", { pct: data.concentration.top20SharePct ?? "—" })}
          </p>
          <ParetoLinks runId={runId} points={data.concentration.pareto} />
        </section>
      </div>

      <div className="grid-2 section-gap">
        <section className="panel" aria-labelledby="heatmap">
          <h2 id="heatmap">{t("heatmap")}</h2>
          <TierClusterHeatmap
            cells={data.tierCluster}
            tiers={tiers}
            tierLabel={labels.tierLabel}
            clusterLabel={labels.clusterLabel}
            hrefFor={(tier, cluster) => customersHref({ runId, tiers: [tier], ...clusterFilterOf(cluster) })}
          />
        </section>
        <section className="panel" aria-labelledby="migration">
          <h2 id="migration">{t("migration")}</h2>
          <PreviousRunMigration runId={runId} period={data.period} order={tiers} label={labels.tierLabel} />
        </section>
      </div>

      <section className="panel" aria-labelledby="warnings">
        <h2 id="warnings">{t("warnings")}</h2>
        <WarningsTable runId={selector.runId} />
      </section>
    </>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <div className="label">{label}</div>
      <div className="value">{value}</div>
    </div>
  );
}

function RunLabel({ runId, period }: { runId: number; period: string }) {
  const t = useTranslations("common");
  return <>{t("runLabel", { id: runId, period })}</>;
}

/** Tier migration from the run before this one (any earlier finished run), when there is one. */
function PreviousRunMigration({
  runId,
  order,
  label,
}: {
  runId: number;
  period: string;
  order: string[];
  label: (value: string) => string;
}) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const runs = useQuery(trpc.segmentRun.list.queryOptions(MIGRATION_RUNS));
  const previous = findPreviousRun(runs.data?.items, runId);
  const migration = useQuery({
    ...trpc.segment.migration.queryOptions({ fromRunId: previous?.id ?? 1, toRunId: runId, dimension: "tier" }),
    enabled: previous !== undefined,
  });
  if (runs.error) return <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />;
  if (runs.isPending) return <LoadingState />;
  if (!previous) return <p className="muted">{t("migrationNone")}</p>;
  if (migration.error) return <ErrorState error={migration.error} onRetry={() => void migration.refetch()} />;
  if (!migration.data) return <LoadingState />;
  return (
    <MigrationMatrix
      cells={migration.data.cells}
      order={order}
      label={(value) => (value === null ? "—" : label(value))}
      caption={`${previous.id} → ${runId}`}
      hrefFor={(from, to) =>
        from === null || to === null
          ? undefined
          : customersHref({
              runId,
              tiers: [to],
              migration: { fromRunId: previous.id, dimension: "tier", from: [from] },
            })
      }
    />
  );
}

/** Pareto points every fifth of the curve as links to their customers: the chart's keyboard path. */
function ParetoLinks({
  runId,
  points,
}: {
  runId: number;
  points: { customerSharePct: number; customers: number; contributionSharePct: string | null }[];
}) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const shown = points.filter((point) => [10, 20, 50, 80].includes(point.customerSharePct));
  return (
    <ul className="inline-list" data-testid="pareto-links">
      {shown.map((point) => (
        <li key={point.customerSharePct}>
          <Link
            href={customersHref({ runId, topPct: point.customerSharePct })}
            data-count={point.customers}
            aria-label={t("paretoPoint", {
              pct: point.customerSharePct,
              count: formatCount(point.customers, locale),
              share: formatPct(point.contributionSharePct),
            })}
          >
            {`${point.customerSharePct}% · ${formatCount(point.customers, locale)}`}
          </Link>
        </li>
      ))}
    </ul>
  );
}
