"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { GroupKey } from "../codes/group-key";
import { readWarningReason } from "../codes/run-codes";
import { useCodeText } from "../codes/use-code-text";
import { rollUpGroupProjectsHref } from "../projects/roll-up-group-projects-view";
import { rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type Warning = inferRouterOutputs<AppRouter>["segment"]["warnings"]["warnings"][number];

/** Early warnings a run raised for project groups, worst first; each group opens its projects. */
export function WarningsTable({ runId }: { runId?: number }) {
  const t = useTranslations("projects");
  const tDash = useTranslations("dashboard");
  const codes = useCodeText();
  const trpc = useTRPC();
  const warnings = useQuery(trpc.segment.warnings.queryOptions(runId ? { runId } : {}));
  const columns: DataColumn<Warning>[] = [
    {
      id: "group",
      header: t("group"),
      accessorFn: (row) => row.groupKey,
      meta: { isRowHeader: true },
      // The group's projects: the rows its signal rate, and so this warning, were computed from.
      cell: ({ row }) => (
        <Link href={rollUpGroupProjectsHref(row.original.runId, row.original.groupKey)}>
          <GroupKey value={row.original.groupKey} />
        </Link>
      ),
    },
    {
      id: "level",
      header: t("level"),
      accessorFn: (row) => row.level,
      cell: ({ row }) => (
        <span className={`badge ${["alert", "red", "high"].includes(row.original.level) ? "danger" : "warn"}`}>
          {codes.warningLevel(row.original.level)}
        </span>
      ),
    },
    rateColumn<Warning>({ id: "signalRate", header: t("signalRate"), pct: (row) => row.signalRate * 100, decimals: 1 }),
    {
      id: "reason",
      header: t("reason"),
      enableSorting: false,
      cell: ({ row }) => codes.warningReason(readWarningReason(row.original.reason)),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={warnings.data?.warnings}
      rowId={(row) => String(row.id)}
      caption={tDash("warnings")}
      isLoading={warnings.isPending}
      error={warnings.error}
      onRetry={() => void warnings.refetch()}
      empty={<p className="muted">{tDash("warningsNone")}</p>}
      pageSize={20}
    />
  );
}
