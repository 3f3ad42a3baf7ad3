"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { useCodeText } from "../codes/use-code-text";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { WarningsTable } from "../dashboard/warnings-table";
import { rollUpGroupProjectsHref } from "./roll-up-group-projects-view";
import { FoundProjectGroups } from "../groups/found-project-groups";
import { useMe } from "../session/me-context";
import { pickColor } from "../charts/palette";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { QueryView } from "../ui/states";
import type { inferRouterOutputs } from "@trpc/server";
import { formatCount, formatPct } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type ProjectGroup = inferRouterOutputs<AppRouter>["segment"]["projectGroups"]["groups"][number];
type HistoryPoint = inferRouterOutputs<AppRouter>["segment"]["projectGroupHistory"]["points"][number];

/**
 * Project groups found in data with their group-level warnings, then the industry × region × risk roll-up (a
 * view, labelled as such) with its own warnings; each trend opens beside its list.
 */
export function ProjectsView() {
  const t = useTranslations("projects");
  const me = useMe();
  const trpc = useTRPC();
  const selector = readRunSelector(useSearchParams());
  const groups = useQuery(trpc.segment.projectGroups.queryOptions(selector));
  const [selected, setSelected] = useState<string | null>(null);
  const money = useMoneyFormat();
  const codes = useCodeText();
  const locale = useLocale();
  const columns: DataColumn<ProjectGroup>[] = [
    {
      id: "industry",
      header: t("industry"),
      accessorFn: (group) => group.industry,
      meta: { isRowHeader: true, isData: true },
    },
    { id: "region", header: t("region"), accessorFn: (group) => group.region, meta: { isData: true } },
    {
      id: "riskLevel",
      header: t("riskLevel"),
      accessorFn: (group) => group.riskLevel,
      cell: ({ row }) => codes.riskLevel(row.original.riskLevel),
    },
    {
      id: "projects",
      header: t("projects"),
      accessorFn: (group) => group.projectCount,
      meta: { isNumeric: true },
      cell: ({ row }) => (
        <Link
          href={rollUpGroupProjectsHref(row.original.runId, row.original.groupKey)}
          data-count={row.original.projectCount}
        >
          {formatCount(row.original.projectCount, locale)}
        </Link>
      ),
    },
    moneyColumn<ProjectGroup>({
      id: "loanAmount",
      header: money.withUnit(t("loanAmount")),
      fen: (g) => g.loanAmountFen,
    }),
    rateColumn<ProjectGroup>({
      id: "signalRate",
      header: t("signalRate"),
      pct: (g) => g.signalRate * 100,
      decimals: 1,
    }),
    rateColumn<ProjectGroup>({
      id: "previousRate",
      header: t("previousRate"),
      pct: (group) => readProfileText(group.profile, "previousSignalRatePct"),
      decimals: 1,
    }),
    {
      id: "change",
      header: t("change"),
      accessorFn: (group) => Number(readProfileText(group.profile, "changePctPoints") ?? Number.NaN),
      meta: { isNumeric: true },
      cell: ({ row }) => readProfileText(row.original.profile, "changePctPoints") ?? "—",
    },
    {
      id: "history",
      header: t("history"),
      enableSorting: false,
      cell: ({ row }) => (
        <button
          type="button"
          aria-pressed={selected === row.original.groupKey}
          onClick={() => setSelected(selected === row.original.groupKey ? null : row.original.groupKey)}
        >
          {t("history")}
        </button>
      ),
    },
  ];
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        {me.role === "credit_officer" ? <span className="muted">{t("readOnly")}</span> : null}
      </div>
      <FoundProjectGroups runId={selector.runId} />
      <section className="panel" aria-labelledby="group-list">
        <h2 id="group-list">{t("rollUpTitle")}</h2>
        <p className="muted">{t("rollUpIntro")}</p>
        <h3 id="warnings-list">{t("warnings")}</h3>
        <WarningsTable runId={selector.runId} />
        <div className={selected ? "grid-2" : undefined}>
          <DataTable
            columns={columns}
            rows={groups.data?.groups}
            rowId={(group) => group.groupKey}
            caption={t("rollUpTitle")}
            isLoading={groups.isPending}
            error={groups.error}
            onRetry={() => void groups.refetch()}
            empty={<p>{t("empty")}</p>}
            pageSize={20}
          />
          {selected ? <GroupHistory groupKey={selected} /> : null}
        </div>
      </section>
    </>
  );
}

/** One group's signal rate in every finished run, as a line and as a table (the table is what keyboards and screen readers read). */
function GroupHistory({ groupKey }: { groupKey: string }) {
  const t = useTranslations("projects");
  const codes = useCodeText();
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const history = useQuery(trpc.segment.projectGroupHistory.queryOptions({ groupKey }));
  const historyColumns: DataColumn<HistoryPoint>[] = [
    {
      id: "run",
      header: tc("run"),
      accessorFn: (point) => point.runId,
      cell: ({ row }) => `#${row.original.runId}`,
    },
    { id: "period", header: tc("period"), accessorFn: (point) => point.period },
    { id: "projects", header: t("projects"), accessorFn: (point) => point.projectCount, meta: { isNumeric: true } },
    rateColumn<HistoryPoint>({
      id: "signalRate",
      header: t("signalRate"),
      pct: (p) => p.signalRate * 100,
      decimals: 1,
    }),
    {
      id: "level",
      header: t("level"),
      enableSorting: false,
      cell: ({ row }) => (row.original.warningLevels.length > 0 ? row.original.warningLevels.join(", ") : "—"),
    },
  ];
  return (
    <section className="panel" aria-labelledby="group-history">
      <h2 id="group-history">{t("historyTitle", { group: codes.groupKey(groupKey) })}</h2>
      <QueryView query={history}>
        {(data) => (
          <div className="stack">
            <LineChart
              responsive
              className="chart-box chart-md"
              data={data.points.map((p) => ({
                run: `#${p.runId} ${p.period}`,
                rate: Math.round(p.signalRate * 1000) / 10,
              }))}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
              <XAxis dataKey="run" tick={{ fontSize: 11 }} />
              <YAxis tick={{ fontSize: 11 }} width={44} tickFormatter={(value: number) => formatPct(value, 1)} />
              <Tooltip formatter={(value) => [formatPct(Number(value), 1), t("signalRate")]} />
              <Line dataKey="rate" name={t("signalRate")} stroke={pickColor(0)} isAnimationActive={false} />
            </LineChart>
            <DataTable
              columns={historyColumns}
              rows={data.points}
              rowId={(point) => String(point.runId)}
              caption={t("historyTitle", { group: codes.groupKey(groupKey) })}
              empty={null}
              testId="group-history"
            />
          </div>
        )}
      </QueryView>
    </section>
  );
}

/** A text figure the run stored in a group's profile (core ProjectGroup), or null. */
function readProfileText(profile: unknown, key: "previousSignalRatePct" | "changePctPoints"): string | null {
  const value = (profile as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}
