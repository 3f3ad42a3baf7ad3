"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { moneyColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { EmptyState } from "../ui/states";
import { useCursorPages } from "../ui/use-cursor-pages";
import { useGroupText } from "./use-group-text";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { foundGroupProjectsInput, parseGroupNo } from "./group-inputs";

type Project = inferRouterOutputs<AppRouter>["project"]["list"]["items"][number];

/** The projects of one project group a run found in data (the project list filtered by group and run), paged. */
export function FoundGroupProjectsView({ groupNo: groupParam }: { groupNo: string }) {
  const t = useTranslations("groups.projectsOfGroup");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const text = useGroupText();
  const money = useMoneyFormat();
  const selector = readRunSelector(useSearchParams());
  const parsedGroupNo = parseGroupNo(groupParam);
  const isValid = parsedGroupNo !== undefined;
  const groupNo = parsedGroupNo ?? -1;
  const groups = useQuery({ ...trpc.group.projectGroups.queryOptions(selector), enabled: isValid });
  const run = groups.data?.run ?? null;
  const group = groups.data?.groups.find((g) => g.groupNo === groupNo);
  const input = foundGroupProjectsInput(run?.id ?? 0, groupNo);
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.project.list.queryOptions({ ...input, cursor }),
    isEnabled: isValid && run !== null,
  });
  if (!isValid) return <EmptyState title={groupParam} />;
  const name = group ? text.name(group.name, group.groupNo) : `#${groupNo}`;
  const columns: DataColumn<Project>[] = [
    {
      id: "projectId",
      header: t("projectId"),
      accessorFn: (p) => p.projectId,
      meta: { isRowHeader: true, className: "nowrap" },
    },
    { id: "name", header: t("projectName"), accessorFn: (p) => p.name },
    {
      id: "customerId",
      header: t("customerId"),
      accessorFn: (p) => p.customerId,
      cell: ({ row }) => (
        <Link href={`/customers/${encodeURIComponent(row.original.customerId)}${run ? `?run=${run.id}` : ""}`}>
          {row.original.customerId}
        </Link>
      ),
    },
    { id: "industry", header: t("industry"), accessorFn: (p) => p.industry },
    { id: "region", header: t("region"), accessorFn: (p) => p.region },
    moneyColumn<Project>({
      id: "total",
      header: money.withUnit(t("totalInvestment")),
      fen: (p) => p.totalInvestmentFen,
    }),
    moneyColumn<Project>({ id: "loan", header: money.withUnit(t("loanAmount")), fen: (p) => p.loanAmountFen }),
    { id: "risk", header: t("riskLevel"), accessorFn: (p) => text.value("risk_level", p.riskLevel) },
    { id: "status", header: t("status"), accessorFn: (p) => text.value("status", p.status) },
    { id: "overdue", header: t("overdueDays"), accessorFn: (p) => p.overdueDays, meta: { isNumeric: true } },
    { id: "downgraded", header: t("downgraded"), accessorFn: (p) => (p.isDowngraded ? tc("yes") : tc("no")) },
  ];
  return (
    <>
      <div className="page-head">
        <h1>{t("title", { name })}</h1>
        <Link href={run ? `/projects?run=${run.id}` : "/projects"}>{t("back")}</Link>
      </div>
      {run ? <p className="muted">{t("intro", { run: run.id, group: groupNo, period: run.period })}</p> : null}
      <section className="panel" aria-labelledby="group-projects">
        <h2 id="group-projects" className="visually-hidden">
          {t("title", { name })}
        </h2>
        <DataTable
          columns={columns}
          rows={first.data ? items : groups.data && !run ? [] : undefined}
          rowId={(p) => `${p.period}:${p.projectId}`}
          caption={t("title", { name })}
          isLoading={groups.isPending || (run !== null && first.isPending)}
          error={groups.error ?? first.error}
          onRetry={() => void first.refetch()}
          empty={<p>{t("empty")}</p>}
          more={more}
          testId="found-group-projects"
        />
      </section>
    </>
  );
}
