"use client";

import { renderClusterLabel } from "@creditseg/core/clustering";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { pickColor } from "../charts/palette";
import { clusterFilterOf, customersHref } from "../customers/customer-filter-params";
import { readProfileFeatures } from "../customer/run-explanations";
import { TierClusterHeatmap } from "../dashboard/tier-cluster-heatmap";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { DataTable, type DataColumn } from "../ui/data-table";
import { SelectField } from "../ui/select-field";
import { EmptyState, LoadingState, QueryView } from "../ui/states";
import { formatCount } from "~/i18n/format";
import { useFeatureFormat } from "./feature-format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { clusterSampleInput } from "./cluster-sample-input";

const FEATURES = ["rate", "amount", "term_months"] as const;
type Feature = (typeof FEATURES)[number];

type KCandidate = { k: number; inertia: number; silhouette: number | null };

/**
 * How the run chose k, from its stored summary: every k tried, and the rows each was fitted on when k was
 * chosen on a sample (null for older runs, which do not record it).
 */
function readKChoice(summary: unknown): {
  selection: KCandidate[];
  selectionSampleSize: number | null;
  chosenK: number | null;
} {
  const clustering = (
    summary as { clustering?: { selection?: unknown; selectionSampleSize?: unknown; k?: unknown } } | null
  )?.clustering;
  const selection = Array.isArray(clustering?.selection)
    ? (clustering.selection as KCandidate[]).filter((c) => typeof c.k === "number")
    : [];
  const size = clustering?.selectionSampleSize;
  const k = clustering?.k;
  return {
    selection,
    selectionSampleSize: typeof size === "number" ? size : null,
    chosenK: typeof k === "number" ? k : null,
  };
}

/** The clustering explorer: how k was chosen, what each cluster holds, a sampled scatter, and tier × cluster. */
export function ClustersView() {
  const t = useTranslations("clusters");
  const tDashboard = useTranslations("dashboard");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const clusters = useQuery(trpc.segment.clusters.queryOptions({}));
  const runId = clusters.data?.run?.id;
  const run = useQuery({ ...trpc.segmentRun.byId.queryOptions({ runId: runId ?? 1 }), enabled: runId !== undefined });
  const summary = useQuery({
    ...trpc.segment.summary.queryOptions({ runId: runId ?? 1 }),
    enabled: runId !== undefined,
  });
  const labels = useSegmentLabels(clusters.data?.clusters ?? []);
  const [x, setX] = useState<Feature>("term_months");
  const [y, setY] = useState<Feature>("rate");
  const clusterNos = (clusters.data?.clusters ?? []).map((cluster) => cluster.clusterNo);
  const samples = useQueries({
    queries: clusterNos.map((clusterNo) => ({
      ...trpc.loan.sample.queryOptions(clusterSampleInput(runId ?? 1, clusterNo)),
      enabled: runId !== undefined,
    })),
  });
  const featureLabel = (feature: Feature) => t(`feature_${feature}`);
  const { selection, selectionSampleSize: selectionSample, chosenK } = readKChoice(run.data?.summary);
  const format = useFeatureFormat();
  const chosen = selection.find((candidate) => candidate.k === chosenK);
  const clusteredLoans = (clusters.data?.clusters ?? []).reduce((sum, cluster) => sum + cluster.size, 0);

  return (
    <>
      <h1>{t("title")}</h1>
      <QueryView query={clusters}>
        {(data) =>
          data.clusters.length === 0 ? (
            <EmptyState>
              <p>{t("empty")}</p>
            </EmptyState>
          ) : (
            <>
              <div className="grid-2 section-gap">
                <section className="panel" aria-labelledby="k-choice">
                  <h2 id="k-choice">{t("quality")}</h2>
                  {run.isPending ? (
                    <LoadingState />
                  ) : selection.length === 0 ? (
                    <p className="muted">{t("noQuality")}</p>
                  ) : (
                    <div className="grid-2">
                      <div>
                        <h3>{t("elbow")}</h3>
                        <LineChart responsive className="chart-box chart-sm" data={selection} margin={K_CHART_MARGIN}>
                          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
                          <XAxis dataKey="k" tick={{ fontSize: 11 }} />
                          <YAxis tick={{ fontSize: 11 }} width={56} tickFormatter={format.compact} />
                          <Tooltip formatter={(value) => [format.compact(Number(value)), t("inertia")]} />
                          <ChosenKLine k={chosenK} label={t("chosenKMark", { k: chosenK ?? 0 })} />
                          <Line dataKey="inertia" name={t("inertia")} stroke={pickColor(0)} isAnimationActive={false} />
                        </LineChart>
                      </div>
                      <div>
                        <h3>{t("silhouette")}</h3>
                        <LineChart responsive className="chart-box chart-sm" data={selection} margin={K_CHART_MARGIN}>
                          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
                          <XAxis dataKey="k" tick={{ fontSize: 11 }} />
                          <YAxis tick={{ fontSize: 11 }} width={48} domain={[-1, 1]} />
                          <Tooltip formatter={(value) => [Number(value).toFixed(3), t("silhouetteValue")]} />
                          <ChosenKLine k={chosenK} label={t("chosenKMark", { k: chosenK ?? 0 })} />
                          <Line
                            dataKey="silhouette"
                            name={t("silhouetteValue")}
                            stroke={pickColor(1)}
                            isAnimationActive={false}
                          />
                        </LineChart>
                      </div>
                    </div>
                  )}
                  {chosenK !== null ? (
                    <p data-testid="k-reason">
                      {selection.length > 1 && chosen?.silhouette !== null && chosen?.silhouette !== undefined
                        ? t("chosenKBySilhouette", {
                            k: chosenK,
                            silhouette: chosen.silhouette.toFixed(3),
                            min: Math.min(...selection.map((candidate) => candidate.k)),
                            max: Math.max(...selection.map((candidate) => candidate.k)),
                          })
                        : t("chosenKFixed", { k: chosenK })}
                    </p>
                  ) : null}
                  {selectionSample !== null && selectionSample < clusteredLoans ? (
                    <p className="muted">{t("selectionSample", { rows: selectionSample.toLocaleString(locale) })}</p>
                  ) : null}
                </section>
                <section className="panel" aria-labelledby="tier-cluster">
                  <h2 id="tier-cluster">{tDashboard("heatmap")}</h2>
                  {summary.data ? (
                    <TierClusterHeatmap
                      cells={summary.data.tierCluster}
                      tiers={summary.data.byTier.map((row) => row.tier)}
                      tierLabel={labels.tierLabel}
                      clusterLabel={labels.clusterLabel}
                      hrefFor={(tier, cluster) => customersHref({ runId, tiers: [tier], ...clusterFilterOf(cluster) })}
                    />
                  ) : (
                    <LoadingState />
                  )}
                </section>
              </div>
              <section className="panel" aria-labelledby="profiles">
                <h2 id="profiles">{t("profiles")}</h2>
                <ClusterProfiles clusters={data.clusters} runId={runId} />
              </section>
              <section className="panel" aria-labelledby="scatter">
                <div className="panel-header">
                  <h2 id="scatter">{t("scatter")}</h2>
                  <span className="muted">
                    {t("sample", { n: samples.reduce((sum, sample) => sum + (sample.data?.items.length ?? 0), 0) })}
                  </span>
                </div>
                <p className="muted">{t("scatterHint")}</p>
                <div className="filters section-gap">
                  <SelectField
                    label={t("xAxis")}
                    value={x}
                    onChange={(value) => setX(value as Feature)}
                    options={FEATURES.map((feature) => ({ value: feature, label: featureLabel(feature) }))}
                  />
                  <SelectField
                    label={t("yAxis")}
                    value={y}
                    onChange={(value) => setY(value as Feature)}
                    options={FEATURES.map((feature) => ({ value: feature, label: featureLabel(feature) }))}
                  />
                </div>
                <ScatterChart
                  responsive
                  className="chart-box chart-lg"
                  margin={{ top: 8, right: 12, bottom: 8, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
                  <XAxis
                    type="number"
                    dataKey="x"
                    name={featureLabel(x)}
                    scale={x === "amount" ? "log" : "auto"}
                    domain={["auto", "auto"]}
                    tick={{ fontSize: 11 }}
                    tickFormatter={(value: number) => format.tick(x, value)}
                  />
                  <YAxis
                    type="number"
                    dataKey="y"
                    name={featureLabel(y)}
                    scale={y === "amount" ? "log" : "auto"}
                    domain={["auto", "auto"]}
                    tick={{ fontSize: 11 }}
                    tickFormatter={(value: number) => format.tick(y, value)}
                    width={64}
                  />
                  <Tooltip
                    formatter={(value, name) => [
                      format.full(name === featureLabel(x) ? x : y, Number(value)),
                      String(name),
                    ]}
                  />
                  {/* Our own legend: Recharts' default labels each swatch "… legend icon" in English. */}
                  <Legend
                    content={({ payload }) => (
                      <ul className="inline-list chart-legend">
                        {(payload ?? []).map((entry) => (
                          <li key={String(entry.value)}>
                            <span className="legend-swatch" style={{ background: entry.color }} aria-hidden="true" />{" "}
                            {String(entry.value)}
                          </li>
                        ))}
                      </ul>
                    )}
                  />
                  {samples.map((sample, index) => (
                    <Scatter
                      key={clusterNos[index]}
                      name={labels.clusterLabel(clusterNos[index] ?? null)}
                      fill={pickColor(index)}
                      isAnimationActive={false}
                      cursor="pointer"
                      data={(sample.data?.items ?? []).map((loan) => ({
                        x: readFeature(loan, x),
                        y: readFeature(loan, y),
                        customerId: loan.customerId,
                      }))}
                      // A point is a sampled loan: it opens the customer who holds it, on this run.
                      onClick={(point) => {
                        const customerId = (point as { payload?: { customerId?: string } }).payload?.customerId;
                        if (customerId && runId !== undefined)
                          router.push(`/customers/${encodeURIComponent(customerId)}?run=${runId}`);
                      }}
                    />
                  ))}
                </ScatterChart>
              </section>
            </>
          )
        }
      </QueryView>
    </>
  );
}

type ClusterRow = inferRouterOutputs<AppRouter>["segment"]["clusters"]["clusters"][number];

/** Each cluster's size and feature medians, in the reader's units; the cluster number opens its loans. */
function ClusterProfiles({ clusters, runId }: { clusters: ClusterRow[]; runId: number | undefined }) {
  const t = useTranslations("clusters");
  const tLoans = useTranslations("loans");
  const locale = useLocale();
  const format = useFeatureFormat();
  const medianOf = (cluster: ClusterRow, feature: Feature) =>
    Object.fromEntries(readProfileFeatures(cluster.profile))[feature]?.median;
  const columns: DataColumn<ClusterRow>[] = [
    {
      id: "clusterNo",
      header: "#",
      accessorFn: (cluster) => cluster.clusterNo,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <Link
          href={`/loans?run=${runId ?? ""}&cluster=${row.original.clusterNo}`}
          aria-label={`${tLoans("viewLoans")} #${row.original.clusterNo}`}
        >
          #{row.original.clusterNo}
        </Link>
      ),
    },
    {
      id: "label",
      header: t("label"),
      accessorFn: (cluster) => renderClusterLabel(cluster.label, locale),
    },
    {
      id: "size",
      header: t("size"),
      accessorFn: (cluster) => cluster.size,
      meta: { isNumeric: true },
      cell: ({ row }) => formatCount(row.original.size, locale),
    },
    ...FEATURES.map((feature): DataColumn<ClusterRow> => ({
      id: feature,
      header: `${t(`featureName_${feature}`)} · ${t("median")}`,
      accessorFn: (cluster) => medianOf(cluster, feature) ?? null,
      meta: { isNumeric: true },
      cell: ({ row }) => {
        const median = medianOf(row.original, feature);
        return median === undefined ? "—" : format.full(feature, median);
      },
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={clusters}
      rowId={(cluster) => String(cluster.clusterNo)}
      caption={t("profiles")}
      empty={<p>{t("empty")}</p>}
    />
  );
}

/** Room above the k charts for the chosen-k label. */
const K_CHART_MARGIN = { top: 18, right: 12, bottom: 0, left: 0 };

/** Marks the chosen k on an elbow or silhouette chart. */
function ChosenKLine({ k, label }: { k: number | null; label: string }) {
  if (k === null) return null;
  return (
    <ReferenceLine
      x={k}
      stroke="#b25d00"
      strokeDasharray="4 4"
      label={{ value: label, position: "top", fontSize: 11, fill: "#8a5300" }}
    />
  );
}

/** A loan's feature in raw units (rate %, amount in CNY, term in months), for plotting only. */
function readFeature(loan: { ratePct: string; amountFen: bigint; termMonths: number }, feature: Feature): number {
  if (feature === "rate") return Number(loan.ratePct);
  if (feature === "amount") return Number(loan.amountFen / 100n);
  return loan.termMonths;
}
