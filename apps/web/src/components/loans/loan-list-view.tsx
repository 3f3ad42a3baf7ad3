"use client";

import { CLASSIFICATIONS } from "@creditseg/core/constants";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { FilterBar } from "../ui/filter-bar";
import { SelectField } from "../ui/select-field";
import { useCursorPages } from "../ui/use-cursor-pages";
import { loanClustersInput, loanListInput, parseLoanFilters } from "./loan-list-input";
import { LoansTable } from "./loans-table";
import { useTRPC } from "~/trpc/react";

/** The loans behind a cluster or a classification (drill-down target), filters in the URL; officers see their own. */
export function LoanListView() {
  const t = useTranslations("loans");
  const tc = useTranslations("common");
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = parseLoanFilters(params);
  const { runId, cluster, classifications } = filters;
  const trpc = useTRPC();
  const clusters = useQuery(trpc.segment.clusters.queryOptions(loanClustersInput(filters)));
  const labels = useSegmentLabels(clusters.data?.clusters ?? []);
  const effectiveRunId = runId ?? clusters.data?.run?.id;
  const input = loanListInput(filters, effectiveRunId);
  const isReady = cluster === undefined || effectiveRunId !== undefined;
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.loan.list.queryOptions({ ...input, cursor }),
    isEnabled: isReady,
  });

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
      <FilterBar>
        <SelectField
          label={t("cluster")}
          anyLabel={tc("all")}
          value={cluster === undefined ? "" : String(cluster)}
          onChange={(value) => setFilter({ cluster: value })}
          options={(clusters.data?.clusters ?? []).map((row) => ({
            value: String(row.clusterNo),
            label: labels.clusterLabel(row.clusterNo),
          }))}
        />
        <SelectField
          label={t("classification")}
          anyLabel={tc("all")}
          value={classifications[0] ?? ""}
          onChange={(value) => setFilter({ classification: value })}
          options={CLASSIFICATIONS.map((value) => ({ value, label: labels.classificationLabel(value) }))}
        />
      </FilterBar>
      <section className="panel" aria-label={t("title")}>
        <LoansTable
          loans={isReady && first.data ? items : undefined}
          classificationLabel={labels.classificationLabel}
          columns={{ customer: true }}
          testId="loan-list"
          caption={t("title")}
          isLoading={!isReady || first.isPending}
          error={first.error}
          onRetry={() => void first.refetch()}
          more={more}
        />
      </section>
    </>
  );
}
