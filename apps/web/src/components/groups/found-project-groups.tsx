"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { FilterBar } from "../ui/filter-bar";
import { useMoneyFormat } from "../ui/money-cell";
import { MultiSelectField } from "../ui/multi-select-field";
import { FoundGroupTrend } from "./found-group-trend";
import { useGroupText } from "./use-group-text";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type Output = inferRouterOutputs<AppRouter>["group"]["projectGroups"];
type FoundGroup = Output["groups"][number];
type Warning = FoundGroup["warnings"][number];

/** The href of the projects of a found project group in a run. */
export function foundGroupProjectsHref(runId: number, groupNo: number): string {
  return `/groups/projects/${groupNo}?run=${runId}`;
}

/** The values of a categorical attribute that make up at least `minShare` of a group. */
function leadingValues(group: FoundGroup, attribute: string, minShare = 0.2): string[] {
  const trait = group.profile.categorical.find((c) => c.attribute === attribute);
  return (trait?.values ?? []).filter((v) => v.share >= minShare).map((v) => v.value);
}

/**
 * Project groups a run found in data, with group-level early warning: sorted (any column), filtered (industry,
 * region, warnings only), paged, each row opening its projects; a row's trend opens in the panel beside the list.
 */
export function FoundProjectGroups({ runId }: { runId?: number }) {
  const t = useTranslations("projects");
  const trpc = useTRPC();
  const text = useGroupText();
  const money = useMoneyFormat();
  const query = useQuery(trpc.group.projectGroups.queryOptions(runId ? { runId } : {}));
  const [industries, setIndustries] = useState<string[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [isWarningOnly, setIsWarningOnly] = useState(false);
  const [trendOf, setTrendOf] = useState<number | null>(null);
  const run = query.data?.run ?? null;
  const groups = query.data?.groups ?? [];
  const optionsOf = (attribute: string) =>
    [...new Set(groups.flatMap((g) => leadingValues(g, attribute)))]
      .sort()
      .map((value) => ({ value, label: text.value(attribute, value) }));
  const rows = groups.filter(
    (g) =>
      (!isWarningOnly || g.warnings.length > 0) &&
      (industries.length === 0 || leadingValues(g, "industry").some((v) => industries.includes(v))) &&
      (regions.length === 0 || leadingValues(g, "region").some((v) => regions.includes(v))),
  );
  const warningText = (w: Warning) =>
    w.code === "group.signal_rate_above_limit" ? t("warning_above", w.params) : t("warning_rise", w.params);
  const trendGroup = groups.find((g) => g.groupNo === trendOf);

  const columns: DataColumn<FoundGroup>[] = [
    {
      id: "name",
      header: t("groupName"),
      accessorFn: (g) => text.name(g.name, g.groupNo),
      cell: ({ row }) => text.nameNode(row.original.name, row.original.groupNo),
      meta: { isRowHeader: true },
    },
    { id: "size", header: t("memberCount"), accessorFn: (g) => g.memberCount, meta: { isNumeric: true } },
    moneyColumn<FoundGroup>({
      id: "loanAmount",
      header: money.withUnit(t("loanAmount")),
      fen: (g) => BigInt(g.loanAmountFen),
    }),
    rateColumn<FoundGroup>({ id: "signalRate", header: t("signalRate"), pct: (g) => g.signalRatePct, decimals: 1 }),
    rateColumn<FoundGroup>({
      id: "previousRate",
      header: t("previousRate"),
      pct: (g) => g.previousSignalRatePct,
      decimals: 1,
    }),
    {
      id: "change",
      header: t("change"),
      accessorFn: (g) => (g.changePctPoints === null ? null : Number(g.changePctPoints)),
      sortUndefined: "last",
      meta: { isNumeric: true },
      cell: ({ row }) => row.original.changePctPoints ?? "—",
    },
    {
      id: "matched",
      header: t("matchedPrevious"),
      accessorFn: (g) => g.previousGroupNo,
      cell: ({ row }) =>
        row.original.previousGroupNo === null ? t("noneMatched") : `#${row.original.previousGroupNo}`,
    },
    {
      id: "warnings",
      header: t("warningsHead"),
      accessorFn: (g) => g.warnings.length,
      cell: ({ row }) =>
        row.original.warnings.length === 0 ? (
          "—"
        ) : (
          <ul className="plain-list">
            {row.original.warnings.map((w) => (
              <li key={w.code}>
                <span className={`badge ${w.code === "group.signal_rate_above_limit" ? "danger" : "warn"}`}>
                  {warningText(w)}
                </span>
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: "actions",
      header: t("openProjects"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) =>
        run ? (
          <div className="row">
            <Link href={foundGroupProjectsHref(run.id, row.original.groupNo)}>{t("openProjects")}</Link>
            <button
              type="button"
              aria-pressed={trendOf === row.original.groupNo}
              aria-controls={trendOf === row.original.groupNo ? "found-group-trend-panel" : undefined}
              onClick={() => setTrendOf(trendOf === row.original.groupNo ? null : row.original.groupNo)}
            >
              {t("trend")}
            </button>
          </div>
        ) : null,
    },
  ];

  return (
    <section className="panel" aria-labelledby="found-groups">
      <h2 id="found-groups">{t("foundTitle")}</h2>
      <p className="muted">{t("foundIntro")}</p>
      <FilterBar
        onClear={
          industries.length + regions.length > 0 || isWarningOnly
            ? () => {
                setIndustries([]);
                setRegions([]);
                setIsWarningOnly(false);
              }
            : undefined
        }
      >
        <MultiSelectField
          label={t("industryFilter")}
          options={optionsOf("industry")}
          value={industries}
          onChange={setIndustries}
        />
        <MultiSelectField label={t("region")} options={optionsOf("region")} value={regions} onChange={setRegions} />
        <label className="row">
          <input type="checkbox" checked={isWarningOnly} onChange={(e) => setIsWarningOnly(e.currentTarget.checked)} />
          {t("warningOnly")}
        </label>
      </FilterBar>
      <div className={trendGroup && run ? "grid-2" : undefined}>
        <DataTable
          columns={columns}
          rows={query.data ? rows : undefined}
          rowId={(g) => String(g.groupNo)}
          caption={t("foundTitle")}
          isLoading={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          empty={<p>{groups.length > 0 ? t("foundFilterEmpty") : t("foundEmpty")}</p>}
          pageSize={10}
          testId="found-project-groups"
        />
        {trendGroup && run ? (
          <FoundGroupTrend
            runId={run.id}
            groupNo={trendGroup.groupNo}
            title={text.name(trendGroup.name, trendGroup.groupNo)}
            onClose={() => setTrendOf(null)}
          />
        ) : null}
      </div>
    </section>
  );
}
