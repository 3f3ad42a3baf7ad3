"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { pickColor } from "../charts/palette";
import { customersHref } from "../customers/customer-filter-params";
import { readProfileFeatures } from "../customer/run-explanations";
import { TierClusterHeatmap } from "../dashboard/tier-cluster-heatmap";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { EmptyState, LoadingState, QueryView } from "../ui/states";
import { useTRPC } from "~/trpc/react";

const FEATURES = ["rate", "amount", "term_months"] as const;
type Feature = (typeof FEATURES)[number];
/** Loans drawn per cluster for the scatter: enough to see the shape, cheap to draw. */
const SAMPLE_PER_CLUSTER = 150;

type KCandidate = { k: number; inertia: number; silhouette: number | null };

/**
 * How the run chose k, from its stored summary: every k tried, and the rows each was fitted on when k was
 * chosen on a sample (null for older runs, which do not record it).
 */
function readKChoice(summary: unknown): { selection: KCandidate[]; selectionSampleSize: number | null } {
  const clustering = (summary as { clustering?: { selection?: unknown; selectionSampleSize?: unknown } } | null)
    ?.clustering;
  const selection = Array.isArray(clustering?.selection)
    ? (clustering.selection as KCandidate[]).filter((c) => typeof c.k === "number")
    : [];
  const size = clustering?.selectionSampleSize;
  return { selection, selectionSampleSize: typeof size === "number" ? size : null };
}

/** The clustering explorer: how k was chosen, what each cluster holds, a sampled scatter, and tier × cluster. */
export function ClustersView() {
  const t = useTranslations("clusters");
  const tDashboard = useTranslations("dashboard");
  const tLoans = useTranslations("loans");
  const locale = useLocale();
  const trpc = useTRPC();
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
      ...trpc.loan.sample.queryOptions({ runId: runId ?? 1, cluster: clusterNo, size: SAMPLE_PER_CLUSTER }),
      enabled: runId !== undefined,
    })),
  });
  const featureLabel = (feature: Feature) => t(`feature_${feature}`);
  const { selection, selectionSampleSize: selectionSample } = readKChoice(run.data?.summary);
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
              <div className="grid-2" style={{ marginBottom: "0.9rem" }}>
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
                        <LineChart responsive style={{ width: "100%", height: 180 }} data={selection}>
                          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
                          <XAxis dataKey="k" tick={{ fontSize: 11 }} />
                          <YAxis tick={{ fontSize: 11 }} width={56} />
                          <Tooltip />
                          <Line dataKey="inertia" stroke={pickColor(0)} isAnimationActive={false} />
                        </LineChart>
                      </div>
                      <div>
                        <h3>{t("silhouette")}</h3>
                        <LineChart responsive style={{ width: "100%", height: 180 }} data={selection}>
                          <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
                          <XAxis dataKey="k" tick={{ fontSize: 11 }} />
                          <YAxis tick={{ fontSize: 11 }} width={48} domain={[-1, 1]} />
                          <Tooltip />
                          <Line dataKey="silhouette" stroke={pickColor(1)} isAnimationActive={false} />
                        </LineChart>
                      </div>
                    </div>
                  )}
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
                      hrefFor={(tier, cluster) =>
                        customersHref({ runId, tiers: [tier], clusters: cluster === null ? [] : [cluster] })
                      }
                    />
                  ) : (
                    <LoadingState />
                  )}
                </section>
              </div>
              <section className="panel" aria-labelledby="profiles">
                <h2 id="profiles">{t("profiles")}</h2>
                <div className="table-wrap">
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">#</th>
                        <th scope="col">{t("label")}</th>
                        <th scope="col" className="num">
                          {t("size")}
                        </th>
                        {FEATURES.map((feature) => (
                          <th key={feature} scope="col" className="num">
                            {featureLabel(feature)} · {t("median")}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {data.clusters.map((cluster) => {
                        const features = Object.fromEntries(readProfileFeatures(cluster.profile));
                        return (
                          <tr key={cluster.clusterNo}>
                            <td>
                              <Link
                                href={`/loans?run=${runId ?? ""}&cluster=${cluster.clusterNo}`}
                                aria-label={`${tLoans("viewLoans")} #${cluster.clusterNo}`}
                              >
                                #{cluster.clusterNo}
                              </Link>
                            </td>
                            <td>{locale === "en" ? cluster.labelEn : cluster.labelZh}</td>
                            <td className="num">{cluster.size.toLocaleString()}</td>
                            {FEATURES.map((feature) => (
                              <td key={feature} className="num">
                                {features[feature]?.median.toLocaleString(undefined, { maximumFractionDigits: 2 }) ??
                                  "—"}
                              </td>
                            ))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
              <section className="panel" aria-labelledby="scatter">
                <div className="panel-header">
                  <h2 id="scatter">{t("scatter")}</h2>
                  <span className="muted">
                    {t("sample", { n: samples.reduce((sum, sample) => sum + (sample.data?.items.length ?? 0), 0) })}
                  </span>
                </div>
                <div className="filters" style={{ marginBottom: "0.5rem" }}>
                  <label className="field">
                    <span>{t("xAxis")}</span>
                    <select value={x} onChange={(event) => setX(event.target.value as Feature)}>
                      {FEATURES.map((feature) => (
                        <option key={feature} value={feature}>
                          {featureLabel(feature)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span>{t("yAxis")}</span>
                    <select value={y} onChange={(event) => setY(event.target.value as Feature)}>
                      {FEATURES.map((feature) => (
                        <option key={feature} value={feature}>
                          {featureLabel(feature)}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                <ScatterChart
                  responsive
                  style={{ width: "100%", height: 320 }}
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
                  />
                  <YAxis
                    type="number"
                    dataKey="y"
                    name={featureLabel(y)}
                    scale={y === "amount" ? "log" : "auto"}
                    domain={["auto", "auto"]}
                    tick={{ fontSize: 11 }}
                    width={64}
                  />
                  <Tooltip />
                  <Legend />
                  {samples.map((sample, index) => (
                    <Scatter
                      key={clusterNos[index]}
                      name={labels.clusterLabel(clusterNos[index] ?? null)}
                      fill={pickColor(index)}
                      isAnimationActive={false}
                      data={(sample.data?.items ?? []).map((loan) => ({
                        x: readFeature(loan, x),
                        y: readFeature(loan, y),
                      }))}
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

/** A loan's feature in raw units (rate %, amount in CNY, term in months), for plotting only. */
function readFeature(loan: { ratePct: string; amountFen: bigint; termMonths: number }, feature: Feature): number {
  if (feature === "rate") return Number(loan.ratePct);
  if (feature === "amount") return Number(loan.amountFen / 100n);
  return loan.termMonths;
}
