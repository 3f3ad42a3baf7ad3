"use client";

import { GRADES } from "@creditseg/core/constants";
import { useQueries, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useCan, useMe } from "../session/me-context";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import {
  CUSTOMER_SORTS,
  buildCustomerSearch,
  parseCustomerFilters,
  toFilterInput,
  type CustomerFilters,
  type CustomerSort,
} from "./customer-filter-params";
import { formatCount, formatWanNumber } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";

type CustomerFacets = inferRouterOutputs<AppRouter>["customer"]["facets"];
type FacetValue = CustomerFacets["industries"][number];

const SORT_LABEL_KEYS: Record<
  CustomerSort,
  "sortContribution" | "sortLoanBalance" | "sortDepositBalance" | "sortCustomerId" | "sortName"
> = {
  contribution: "sortContribution",
  loanBalance: "sortLoanBalance",
  depositBalance: "sortDepositBalance",
  customerId: "sortCustomerId",
  name: "sortName",
};

/** The customer list: filters and sort live in the URL (shareable, back-button friendly); export keeps them. */
export function CustomerListView() {
  const t = useTranslations("customers");
  const tc = useTranslations("common");
  const locale = useLocale();
  const me = useMe();
  const canExport = useCan("export.customers");
  const searchParams = useSearchParams();
  const filters = parseCustomerFilters(searchParams);
  const trpc = useTRPC();
  const selector = filters.runId ? { runId: filters.runId } : {};
  const summary = useQuery(trpc.segment.summary.queryOptions(selector));
  const clusters = useQuery(trpc.segment.clusters.queryOptions(selector));
  const labels = useSegmentLabels(clusters.data?.clusters ?? []);
  const facets = useQuery(trpc.customer.facets.queryOptions());
  const input = { ...toFilterInput(filters), sort: filters.sort, direction: filters.direction, limit: 50 };
  // Pages by keyset cursor. Not an infinite query: tRPC adds its own `direction` to infinite-query input,
  // which would clash with the list's sort direction.
  const [cursors, setCursors] = useState<{ key: string; list: string[] }>({ key: "", list: [] });
  const inputKey = JSON.stringify(input);
  const pageCursors = cursors.key === inputKey ? cursors.list : [];
  const pages = useQueries({
    queries: [null, ...pageCursors].map((cursor) => trpc.customer.list.queryOptions({ ...input, cursor })),
  });
  const firstPage = pages[0]!;
  const lastPage = pages[pages.length - 1]!;
  const nextCursor = lastPage.data?.nextCursor ?? null;
  const isFetchingNextPage = pages.length > 1 && lastPage.isPending;

  const tierOptions = summary.data?.byTier.map((row) => row.tier) ?? filters.tiers;
  const clusterOptions = (clusters.data?.clusters ?? []).map((cluster) => cluster.clusterNo);
  const exportHref = (format: "csv" | "xlsx") => {
    const params = new URLSearchParams({ format, sort: filters.sort, direction: filters.direction });
    for (const [key, value] of Object.entries(toFilterInput(filters))) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    }
    return `/api/export/customers?${params.toString()}`;
  };

  const items = pages.flatMap((page) => page.data?.items ?? []);
  const total = firstPage.data?.total ?? null;
  const hasRun = Boolean(firstPage.data?.run);

  return (
    <>
      <div className="page-head">
        <h1>{me.role === "credit_officer" ? t("titleOfficer") : t("title")}</h1>
        {canExport ? (
          <div className="row">
            <a className="button" href={exportHref("csv")} download>
              {t("exportCsv")}
            </a>
            <a className="button" href={exportHref("xlsx")} download>
              {t("exportXlsx")}
            </a>
          </div>
        ) : null}
      </div>
      <FilterForm
        filters={filters}
        tierOptions={tierOptions}
        clusterOptions={clusterOptions}
        facets={facets.data}
        labels={labels}
        canFilterOfficer={me.role !== "credit_officer"}
      />
      <section className="panel" aria-labelledby="customer-results">
        <div className="panel-header">
          <h2 id="customer-results">
            {total === null ? tc("loading") : t("count", { total: formatCount(total, locale) })}
          </h2>
          <span className="muted">{tc("amountUnitWan")}</span>
        </div>
        {firstPage.error ? (
          <ErrorState error={firstPage.error} onRetry={() => void firstPage.refetch()} />
        ) : firstPage.isPending ? (
          <LoadingState rows={10} />
        ) : items.length === 0 ? (
          <EmptyState>
            <p>{t("empty")}</p>
          </EmptyState>
        ) : (
          <>
            {!hasRun ? <p className="muted">{t("noRun")}</p> : null}
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("customerId")}</th>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("industry")}</th>
                    <th scope="col">{t("region")}</th>
                    {me.role !== "credit_officer" ? <th scope="col">{t("officer")}</th> : null}
                    <th scope="col">{t("tier")}</th>
                    <th scope="col">{t("grade")}</th>
                    <th scope="col">{t("cluster")}</th>
                    <th scope="col" className="num">
                      {t("contribution")}
                    </th>
                    <th scope="col" className="num">
                      {t("loanBalance")}
                    </th>
                    <th scope="col" className="num">
                      {t("depositBalance")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((row) => (
                    <tr key={row.customerId}>
                      <td className="nowrap">
                        <Link
                          href={`/customers/${encodeURIComponent(row.customerId)}${filters.runId ? `?run=${filters.runId}` : ""}`}
                        >
                          {row.customerId}
                        </Link>
                      </td>
                      <td>{row.name}</td>
                      <td>{row.industry}</td>
                      <td>{row.region}</td>
                      {me.role !== "credit_officer" ? <td>{row.officer}</td> : null}
                      <td className="nowrap">
                        {labels.tierLabel(row.effectiveTier)}
                        {row.effectiveTier !== row.tier ? (
                          <span className="badge info" style={{ marginLeft: 4 }} title={labels.tierLabel(row.tier)}>
                            {t("overridden")} · {labels.tierLabel(row.tier)}
                          </span>
                        ) : null}
                      </td>
                      <td className="nowrap">
                        {row.effectiveGrade ?? "—"}
                        {row.effectiveGrade !== row.grade ? <span className="muted"> ({row.grade})</span> : null}
                      </td>
                      <td className="nowrap">{row.cluster === null ? "—" : `#${row.cluster}`}</td>
                      <td className="num">{formatWanNumber(row.contributionFen)}</td>
                      <td className="num">{formatWanNumber(row.loanBalanceFen)}</td>
                      <td className="num">{formatWanNumber(row.depositBalanceFen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="row" style={{ marginTop: "0.5rem" }}>
              <span className="muted">
                {total !== null
                  ? tc("rowsShown", { shown: formatCount(items.length, locale), total: formatCount(total, locale) })
                  : tc("rowsShownOpen", { shown: items.length })}
              </span>
              {nextCursor ? (
                <button
                  type="button"
                  onClick={() => setCursors({ key: inputKey, list: [...pageCursors, nextCursor] })}
                  disabled={isFetchingNextPage}
                >
                  {isFetchingNextPage ? tc("loading") : tc("more")}
                </button>
              ) : null}
            </div>
          </>
        )}
      </section>
    </>
  );
}

function FilterForm({
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
  const tc = useTranslations("common");
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    const list = (name: string) => form.getAll(name).map(String).filter(Boolean);
    const next: CustomerFilters = {
      runId: filters.runId,
      tiers: list("tier"),
      grades: list("grade").filter((grade): grade is CustomerFilters["grades"][number] =>
        (GRADES as readonly string[]).includes(grade),
      ),
      clusters: list("cluster").map(Number),
      industries: list("industry"),
      regions: list("region"),
      officer: text("officer") || undefined,
      search: text("q") || undefined,
      sort: (text("sort") || "contribution") as CustomerSort,
      direction: text("dir") === "asc" ? "asc" : "desc",
    };
    router.replace(`${pathname}${buildCustomerSearch(next)}`);
  }

  return (
    <form
      className="panel filters"
      role="search"
      aria-label={tc("filters")}
      onSubmit={onSubmit}
      key={buildCustomerSearch(filters)}
    >
      <label className="field">
        <span>{t("search")}</span>
        <input name="q" type="search" defaultValue={filters.search ?? ""} maxLength={100} />
      </label>
      <label className="field">
        <span>{t("tier")}</span>
        <select name="tier" multiple defaultValue={filters.tiers}>
          {tierOptions.map((tier) => (
            <option key={tier} value={tier}>
              {labels.tierLabel(tier)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("grade")}</span>
        <select name="grade" multiple defaultValue={filters.grades}>
          {GRADES.map((grade) => (
            <option key={grade} value={grade}>
              {labels.gradeLabel(grade)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("cluster")}</span>
        <select name="cluster" multiple defaultValue={filters.clusters.map(String)}>
          {clusterOptions.map((cluster) => (
            <option key={cluster} value={cluster}>
              {labels.clusterLabel(cluster)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("industry")}</span>
        <select name="industry" multiple defaultValue={filters.industries}>
          <FacetOptions values={facets?.industries} selected={filters.industries} />
        </select>
      </label>
      <label className="field">
        <span>{t("region")}</span>
        <select name="region" multiple defaultValue={filters.regions}>
          <FacetOptions values={facets?.regions} selected={filters.regions} />
        </select>
      </label>
      {canFilterOfficer ? (
        <label className="field">
          <span>{t("officer")}</span>
          <select name="officer" defaultValue={filters.officer ?? ""}>
            <option value="">{t("any")}</option>
            <FacetOptions values={facets?.officers} selected={filters.officer ? [filters.officer] : []} />
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>{t("sort")}</span>
        <select name="sort" defaultValue={filters.sort}>
          {CUSTOMER_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(SORT_LABEL_KEYS[sort])}
            </option>
          ))}
        </select>
      </label>
      <label className="field" htmlFor={`${id}-dir`}>
        <span>{t("direction")}</span>
        <select id={`${id}-dir`} name="dir" defaultValue={filters.direction}>
          <option value="desc">{t("desc")}</option>
          <option value="asc">{t("asc")}</option>
        </select>
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {tc("apply")}
        </button>
        <button type="button" onClick={() => router.replace(pathname)}>
          {tc("clear")}
        </button>
      </div>
    </form>
  );
}

/** A filter's values, most customers first, with their counts; a value in the URL but not among them stays selectable. */
function FacetOptions({ values, selected }: { values: FacetValue[] | undefined; selected: string[] }) {
  const locale = useLocale();
  const offered = new Set((values ?? []).map((facet) => facet.value));
  return (
    <>
      {(values ?? []).map((facet) => (
        <option key={facet.value} value={facet.value}>
          {`${facet.value} (${facet.customers.toLocaleString(locale)})`}
        </option>
      ))}
      {selected
        .filter((value) => !offered.has(value))
        .map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
    </>
  );
}
