"use client";

import { GRADES } from "@creditseg/core/constants";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCan, useMe } from "../session/me-context";
import { readTierNames, sortByTierOrder } from "../segments/tier-order";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { moneyColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { FilterBar } from "../ui/filter-bar";
import { useMoneyFormat } from "../ui/money-cell";
import { MultiSelectField, type MultiOption } from "../ui/multi-select-field";
import { SelectField } from "../ui/select-field";
import { useCursorPages } from "../ui/use-cursor-pages";
import {
  buildCustomerSearch,
  customerListInput,
  isGrade,
  laterSideOf,
  NO_CLUSTER,
  parseCustomerFilters,
  toFilterInput,
  type CustomerFilters,
  type CustomerSort,
} from "./customer-filter-params";
import { formatCount } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";
import { CustomerExportControl } from "./customer-export-control";

type CustomerFacets = inferRouterOutputs<AppRouter>["customer"]["facets"];
type FacetValue = CustomerFacets["industries"][number];

/** The customer list: filters and sort live in the URL (shareable, back-button friendly); export keeps them. */
export function CustomerListView() {
  const t = useTranslations("customers");
  const me = useMe();
  const canExport = useCan("export.customers");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = parseCustomerFilters(searchParams);
  const trpc = useTRPC();
  const money = useMoneyFormat();
  const selector = filters.runId ? { runId: filters.runId } : {};
  const summary = useQuery(trpc.segment.summary.queryOptions(selector));
  const clusters = useQuery(trpc.segment.clusters.queryOptions(selector));
  const activePolicy = useQuery(trpc.policy.active.queryOptions());
  const labels = useSegmentLabels(clusters.data?.clusters ?? []);
  const facets = useQuery(trpc.customer.facets.queryOptions());
  const input = customerListInput(filters);
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.customer.list.queryOptions({ ...input, cursor }),
  });

  const tierOptions = orderTiers(
    [...(summary.data?.byTier.map((row) => row.tier) ?? []), ...filters.tiers],
    readTierNames(activePolicy.data?.document),
  );
  const clusterOptions = (clusters.data?.clusters ?? []).map((cluster) => cluster.clusterNo);
  const exportRequest = { ...toFilterInput(filters), sort: filters.sort, direction: filters.direction };
  const runQuery = filters.runId ? `?run=${filters.runId}` : "";
  const isOfficer = me.role === "credit_officer";

  const columns: DataColumn<CustomerRow>[] = [
    {
      id: "customerId",
      header: t("customerId"),
      accessorFn: (row) => row.customerId,
      meta: { isRowHeader: true, className: "nowrap" },
      cell: ({ row }) => (
        <Link href={`/customers/${encodeURIComponent(row.original.customerId)}${runQuery}`}>
          {row.original.customerId}
        </Link>
      ),
    },
    { id: "name", header: t("name"), accessorFn: (row) => row.name, meta: { isData: true } },
    {
      id: "industry",
      header: t("industry"),
      accessorFn: (row) => row.industry,
      enableSorting: false,
      meta: { isData: true },
    },
    {
      id: "region",
      header: t("region"),
      accessorFn: (row) => row.region,
      enableSorting: false,
      meta: { isData: true },
    },
    ...(isOfficer
      ? []
      : [
          {
            id: "officer",
            header: t("officer"),
            accessorFn: (row) => row.officer,
            enableSorting: false,
          } satisfies DataColumn<CustomerRow>,
        ]),
    {
      id: "tier",
      header: t("tier"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) => <TierCell row={row.original} tierLabel={labels.tierLabel} />,
    },
    {
      id: "grade",
      header: t("grade"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) => (
        <>
          {row.original.effectiveGrade ?? "—"}
          {row.original.effectiveGrade !== row.original.grade ? (
            <span className="muted"> ({row.original.grade})</span>
          ) : null}
        </>
      ),
    },
    {
      id: "cluster",
      header: t("cluster"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) => (row.original.cluster === null ? "—" : `#${row.original.cluster}`),
    },
    moneyColumn<CustomerRow>({
      id: "contribution",
      header: money.withUnit(t("contribution")),
      fen: (row) => row.contributionFen,
    }),
    moneyColumn<CustomerRow>({
      id: "loanBalance",
      header: money.withUnit(t("loanBalance")),
      fen: (row) => row.loanBalanceFen,
    }),
    moneyColumn<CustomerRow>({
      id: "depositBalance",
      header: money.withUnit(t("depositBalance")),
      fen: (row) => row.depositBalanceFen,
    }),
  ];

  return (
    <>
      <div className="page-head">
        <h1>{isOfficer ? t("titleOfficer") : t("title")}</h1>
        {canExport ? <CustomerExportControl request={exportRequest} /> : null}
      </div>
      <CustomerFilterBar
        filters={filters}
        tierOptions={tierOptions}
        clusterOptions={clusterOptions}
        facets={facets.data}
        labels={labels}
        canFilterOfficer={!isOfficer}
      />
      <SelectionNote filters={filters} runId={first.data?.run?.id} labels={labels} />
      <section className="panel" aria-labelledby="customer-results">
        <div className="panel-header">
          <h2 id="customer-results">{first.data ? t("count", { total: more.total ?? 0 }) : t("title")}</h2>
          {first.data && !first.data.run ? <span className="muted">{t("noRun")}</span> : null}
        </div>
        <DataTable
          columns={columns}
          rows={first.data ? items : undefined}
          rowId={(row) => row.customerId}
          caption={isOfficer ? t("titleOfficer") : t("title")}
          isLoading={first.isPending}
          error={first.error}
          onRetry={() => void first.refetch()}
          empty={<p>{t("empty")}</p>}
          serverSort={{
            by: filters.sort,
            isDescending: filters.direction === "desc",
            onChange: ({ by, isDescending }) =>
              router.replace(
                `${pathname}${buildCustomerSearch({ ...filters, sort: by as CustomerSort, direction: isDescending ? "desc" : "asc" })}`,
              ),
          }}
          more={more}
          loadingRows={10}
          testId="customer-list"
        />
      </section>
    </>
  );
}

type CustomerRow = inferRouterOutputs<AppRouter>["customer"]["list"]["items"][number];

/** The tier in force in the run (an override carried into it wins), marked with the computed one when they differ; a
 * customer outside the run says so. */
function TierCell({ row, tierLabel }: { row: CustomerRow; tierLabel: (tier: string) => string }) {
  const t = useTranslations("customers");
  if (row.effectiveTier === null) return <span className="badge">{t("notInRun")}</span>;
  return (
    <>
      {tierLabel(row.effectiveTier)}
      {row.tier !== null && row.effectiveTier !== row.tier ? (
        <span className="badge info badge-after" title={tierLabel(row.tier)}>
          {t("overridden")} · {tierLabel(row.tier)}
        </span>
      ) : null}
    </>
  );
}

/** The list's tiers in the policy's rule order; tiers the policy no longer names go last. */
function orderTiers(tiers: readonly string[], policyOrder: readonly string[]): string[] {
  return sortByTierOrder([...new Set(tiers)], (tier) => tier, policyOrder);
}

function CustomerFilterBar({
  filters,
  tierOptions,
  clusterOptions,
  facets,
  labels,
  canFilterOfficer,
}: {
  filters: CustomerFilters;
  tierOptions: string[];
  clusterOptions: number[];
  /** Filter values with counts; until they arrive, the selected values alone are offered. */
  facets: CustomerFacets | undefined;
  labels: ReturnType<typeof useSegmentLabels>;
  canFilterOfficer: boolean;
}) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const apply = (next: CustomerFilters) => router.replace(`${pathname}${buildCustomerSearch(next)}`);
  const facetOptions = (values: FacetValue[] | undefined, selected: readonly string[]): MultiOption[] => {
    const offered = (values ?? []).map((facet) => ({
      value: facet.value,
      label: facet.value,
      hint: `(${formatCount(facet.customers, locale)})`,
    }));
    const known = new Set(offered.map((option) => option.value));
    return [...offered, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, label: value }))];
  };

  return (
    // Not remounted when the filters change, so a multi-select stays open while several values are chosen; the
    // search box alone follows the URL (back button, clear).
    <FilterBar
      onApply={(form) => apply({ ...filters, search: formText(form, "q").trim() || undefined })}
      onClear={() => router.replace(pathname)}
    >
      <label className="field">
        <span>{t("search")}</span>
        <input key={filters.search ?? ""} name="q" type="search" defaultValue={filters.search ?? ""} maxLength={100} />
      </label>
      <MultiSelectField
        label={t("tier")}
        options={tierOptions.map((tier) => ({ value: tier, label: labels.tierLabel(tier) }))}
        value={filters.tiers}
        onChange={(tiers) => apply({ ...filters, tiers })}
      />
      <MultiSelectField
        label={t("grade")}
        options={GRADES.map((grade) => ({ value: grade, label: labels.gradeLabel(grade) }))}
        value={filters.grades}
        onChange={(grades) => apply({ ...filters, grades: grades.filter(isGrade) })}
      />
      <MultiSelectField
        label={t("cluster")}
        options={[
          ...clusterOptions.map((cluster) => ({ value: String(cluster), label: labels.clusterLabel(cluster) })),
          { value: NO_CLUSTER, label: labels.clusterLabel(null) },
        ]}
        value={laterSideOf(filters, "cluster")}
        onChange={(values) =>
          apply({
            ...filters,
            clusters: values.filter((value) => value !== NO_CLUSTER).map(Number),
            isWithoutCluster: values.includes(NO_CLUSTER),
          })
        }
      />
      <MultiSelectField
        label={t("industry")}
        options={facetOptions(facets?.industries, filters.industries)}
        value={filters.industries}
        onChange={(industries) => apply({ ...filters, industries })}
      />
      <MultiSelectField
        label={t("region")}
        options={facetOptions(facets?.regions, filters.regions)}
        value={filters.regions}
        onChange={(regions) => apply({ ...filters, regions })}
      />
      {canFilterOfficer ? (
        <SelectField
          label={t("officer")}
          anyLabel={t("any")}
          options={facetOptions(facets?.officers, filters.officer ? [filters.officer] : []).map((option) => ({
            value: option.value,
            label: option.hint ? `${option.label} ${option.hint}` : option.label,
          }))}
          value={filters.officer ?? ""}
          onChange={(officer) => apply({ ...filters, officer: officer || undefined })}
        />
      ) : null}
    </FilterBar>
  );
}

/**
 * Says which figure the list was opened from (a migration cell, a draft's impact) in words, since those conditions
 * have no filter control, and offers to drop them.
 */
function SelectionNote({
  filters,
  runId,
  labels,
}: {
  filters: CustomerFilters;
  runId: number | undefined;
  labels: ReturnType<typeof useSegmentLabels>;
}) {
  const t = useTranslations("customers");
  const pathname = usePathname();
  const { migration, draft, topPct } = filters;
  if (!migration && !draft && !topPct) return null;
  const labelOf = (dimension: "tier" | "grade" | "cluster", value: string) =>
    dimension === "tier"
      ? labels.tierLabel(value)
      : dimension === "grade"
        ? labels.gradeLabel(value)
        : /^\d+$/.test(value)
          ? labels.clusterLabel(Number(value))
          : value === NO_CLUSTER
            ? labels.clusterLabel(null)
            : value;
  const list = (dimension: "tier" | "grade" | "cluster", values: readonly string[]) =>
    values.length ? values.map((value) => labelOf(dimension, value)).join("、") : t("selectionAny");
  const dimensionName = (dimension: "tier" | "grade" | "cluster") =>
    dimension === "tier" ? t("dimTier") : dimension === "grade" ? t("dimGrade") : t("dimCluster");
  return (
    <p className="panel row" data-testid="customer-selection">
      <span>
        {migration
          ? t("selectionMigration", {
              fromRun: migration.fromRunId,
              run: runId ?? "—",
              dimension: dimensionName(migration.dimension),
              was: list(migration.dimension, migration.from),
              now: list(migration.dimension, laterSideOf(filters, migration.dimension)),
            })
          : null}
        {migration && draft ? " · " : null}
        {topPct ? `${migration || draft ? " · " : ""}${t("selectionTop", { pct: topPct })}` : null}
        {draft
          ? draft.from.length || draft.to.length
            ? t("selectionDraft", {
                version: draft.version,
                period: draft.period,
                dimension: dimensionName(draft.dimension),
                was: list(draft.dimension, draft.from),
                now: list(draft.dimension, draft.to),
              })
            : t("selectionDraftChanged", { version: draft.version, period: draft.period })
          : null}
      </span>{" "}
      <Link
        href={`${pathname}${buildCustomerSearch({ ...filters, migration: undefined, draft: undefined, topPct: undefined })}`}
      >
        {t("selectionClear")}
      </Link>
    </p>
  );
}
