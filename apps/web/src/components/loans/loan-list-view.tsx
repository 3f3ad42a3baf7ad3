"use client";

import { CLASSIFICATIONS, type Classification } from "@creditseg/core/constants";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { LoansTable } from "./loans-table";
import { useTRPC } from "~/trpc/react";

function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

/** The loans behind a cluster or a classification (drill-down target), filters in the URL; officers see their own. */
export function LoanListView() {
  const t = useTranslations("loans");
  const tc = useTranslations("common");
  const locale = useLocale();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const runId = Number(params.get("run")) || undefined;
  const clusterParam = params.get("cluster");
  const cluster =
    clusterParam !== null && clusterParam !== "" && Number.isInteger(Number(clusterParam))
      ? Number(clusterParam)
      : undefined;
  const classifications = params.getAll("class").filter(isClassification);
  const trpc = useTRPC();
  const clusters = useQuery(trpc.segment.clusters.queryOptions(runId ? { runId } : {}));
  const labels = useSegmentLabels(clusters.data?.clusters ?? []);
  const effectiveRunId = runId ?? clusters.data?.run?.id;
  const input = {
    ...(cluster !== undefined && effectiveRunId ? { cluster, runId: effectiveRunId } : {}),
    ...(classifications.length ? { classifications } : {}),
    limit: 100,
  };
  const inputKey = JSON.stringify(input);
  const [cursors, setCursors] = useState<{ key: string; list: string[] }>({ key: "", list: [] });
  const pageCursors = cursors.key === inputKey ? cursors.list : [];
  const isReady = cluster === undefined || effectiveRunId !== undefined;
  const pages = useQueries({
    queries: [null, ...pageCursors].map((cursor) => ({
      ...trpc.loan.list.queryOptions({ ...input, cursor }),
      enabled: isReady,
    })),
  });
  const first = pages[0]!;
  const nextCursor = pages[pages.length - 1]?.data?.nextCursor ?? null;
  const items = pages.flatMap((page) => page.data?.items ?? []);

  const setFilter = (next: { cluster?: string; classification?: string }) => {
    const search = new URLSearchParams();
    if (runId) search.set("run", String(runId));
    const nextCluster = next.cluster ?? (cluster !== undefined ? String(cluster) : "");
    if (nextCluster !== "") search.set("cluster", nextCluster);
    const nextClass = next.classification ?? classifications[0] ?? "";
    if (nextClass) search.set("class", nextClass);
    router.replace(`${pathname}?${search.toString()}`);
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <div className="panel filters" role="search" aria-label={tc("filters")}>
        <label className="field">
          <span>{t("cluster")}</span>
          <select
            value={cluster === undefined ? "" : String(cluster)}
            onChange={(event) => setFilter({ cluster: event.target.value })}
          >
            <option value="">{tc("all")}</option>
            {(clusters.data?.clusters ?? []).map((row) => (
              <option key={row.clusterNo} value={row.clusterNo}>
                {labels.clusterLabel(row.clusterNo)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("classification")}</span>
          <select
            value={classifications[0] ?? ""}
            onChange={(event) => setFilter({ classification: event.target.value })}
          >
            <option value="">{tc("all")}</option>
            {CLASSIFICATIONS.map((value) => (
              <option key={value} value={value}>
                {labels.classificationLabel(value)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="panel" aria-label={t("title")}>
        {first.error ? (
          <ErrorState error={first.error} onRetry={() => void first.refetch()} />
        ) : !isReady || first.isPending ? (
          <LoadingState rows={8} />
        ) : items.length === 0 ? (
          <EmptyState>
            <p>{t("empty")}</p>
          </EmptyState>
        ) : (
          <>
            <LoansTable
              loans={items}
              classificationLabel={labels.classificationLabel}
              columns={{ customer: true }}
              testId="loan-list"
            />
            <div className="row" style={{ marginTop: "0.5rem" }}>
              <span className="muted">{tc("rowsShownOpen", { shown: items.length.toLocaleString(locale) })}</span>
              {nextCursor ? (
                <button type="button" onClick={() => setCursors({ key: inputKey, list: [...pageCursors, nextCursor] })}>
                  {tc("more")}
                </button>
              ) : null}
            </div>
          </>
        )}
      </section>
    </>
  );
}
