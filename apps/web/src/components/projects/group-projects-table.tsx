"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { groupProjectsInput, type ProjectGroupSelection } from "../groups/group-inputs";
import { useGroupText } from "../groups/use-group-text";
import { moneyColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { useCursorPages } from "../ui/use-cursor-pages";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type Project = inferRouterOutputs<AppRouter>["project"]["list"]["items"][number];

/**
 * The projects of one project group of a run (project.list filtered by the group), paged; each sponsor opens the
 * customer's page of that run. Used by the found groups' and the roll-up groups' project lists.
 */
export function GroupProjectsTable({
  group,
  isEnabled,
  isWaiting,
  caption,
  empty,
  waitError,
  testId,
}: {
  group: ProjectGroupSelection;
  /** False while the run is not known yet. */
  isEnabled: boolean;
  /** The page is still loading what it needs before the list (the run). */
  isWaiting: boolean;
  caption: string;
  empty: ReactNode;
  waitError?: { message: string } | null;
  testId: string;
}) {
  const t = useTranslations("groups.projectsOfGroup");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const text = useGroupText();
  const money = useMoneyFormat();
  const input = groupProjectsInput(group);
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.project.list.queryOptions({ ...input, cursor }),
    isEnabled,
  });
  const runId = group.groupRunId;
  const columns: DataColumn<Project>[] = [
    {
      id: "projectId",
      header: t("projectId"),
      accessorFn: (p) => p.projectId,
      meta: { isRowHeader: true, className: "nowrap" },
    },
    { id: "name", header: t("projectName"), accessorFn: (p) => p.name, meta: { isData: true } },
    {
      id: "customerId",
      header: t("customerId"),
      accessorFn: (p) => p.customerId,
      cell: ({ row }) => (
        <Link href={`/customers/${encodeURIComponent(row.original.customerId)}?run=${runId}`}>
          {row.original.customerId}
        </Link>
      ),
    },
    { id: "industry", header: t("industry"), accessorFn: (p) => p.industry, meta: { isData: true } },
    { id: "region", header: t("region"), accessorFn: (p) => p.region, meta: { isData: true } },
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
    <DataTable
      columns={columns}
      rows={first.data ? items : !isWaiting && !isEnabled ? [] : undefined}
      rowId={(p) => `${p.period}:${p.projectId}`}
      caption={caption}
      isLoading={isWaiting || (isEnabled && first.isPending)}
      error={waitError ?? first.error}
      onRetry={() => void first.refetch()}
      empty={empty}
      more={more}
      testId={testId}
    />
  );
}
