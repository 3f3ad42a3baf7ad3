"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { readRunSelector } from "../dashboard/dashboard-inputs";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { useMe } from "../session/me-context";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { formatMix } from "./mix-text";
import { useGroupText } from "./use-group-text";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type GroupsOutput = inferRouterOutputs<AppRouter>["group"]["customerGroups"];
export type CustomerGroup = GroupsOutput["groups"][number];
type Fit = GroupsOutput["fits"][number];

/** The href of a customer group's page in a run. */
export function customerGroupHref(runId: number, groupNo: number): string {
  return `/groups/customers/${groupNo}?run=${runId}`;
}

/** How the run found its customer groups: k, silhouette and stability, or why it did not group. */
function FitLine({ fit, run }: { fit: Fit | undefined; run: { id: number; period: string } }) {
  const t = useTranslations("groups");
  if (!fit) return null;
  if (fit.skipped) return <p className="muted">{t("skipped", { rows: Number(fit.skipped.params.rows ?? 0) })}</p>;
  return (
    <p className="muted" data-testid="group-fit">
      {t("fit", {
        run: run.id,
        period: run.period,
        k: fit.k ?? 0,
        silhouette: fit.silhouette === null ? "—" : fit.silhouette.toFixed(2),
        stability: fit.stability ? fit.stability.mean.toFixed(2) : "—",
      })}
    </p>
  );
}

/** 客户群体: the customer groups a run found in data, each with what sets it apart and what the policy attaches. */
export function CustomerGroupsView() {
  const t = useTranslations("groups");
  const me = useMe();
  const selector = readRunSelector(useSearchParams());
  const trpc = useTRPC();
  const query = useQuery(trpc.group.customerGroups.queryOptions(selector));
  const text = useGroupText();
  const labels = useSegmentLabels();
  const money = useMoneyFormat();
  const run = query.data?.run ?? null;
  const isOfficer = me.role === "credit_officer";
  const total = (query.data?.groups ?? []).reduce((sum, g) => sum + g.memberCount, 0);

  const columns: DataColumn<CustomerGroup>[] = [
    {
      id: "name",
      header: t("name"),
      accessorFn: (g) => text.name(g.name, g.groupNo),
      meta: { isRowHeader: true },
      cell: ({ row }) =>
        run ? (
          <Link href={customerGroupHref(run.id, row.original.groupNo)}>
            {text.nameNode(row.original.name, row.original.groupNo)}
          </Link>
        ) : null,
    },
    { id: "size", header: t("size"), accessorFn: (g) => g.memberCount, meta: { isNumeric: true } },
    rateColumn<CustomerGroup>({
      id: "share",
      header: t("share"),
      pct: (g) => (total > 0 ? (100 * g.memberCount) / total : null),
      decimals: 1,
    }),
    {
      id: "profile",
      header: t("profile"),
      enableSorting: false,
      cell: ({ row }) => (
        <ul className="plain-list">
          {text
            .traits(row.original.profile)
            .slice(0, 4)
            .map((line) => (
              <li key={line.key}>{line.content}</li>
            ))}
        </ul>
      ),
    },
    {
      id: "tierMix",
      header: t("tierMix"),
      enableSorting: false,
      cell: ({ row }) => formatMix(row.original.tierMix, labels.tierLabel, " · "),
    },
    {
      id: "gradeMix",
      header: t("gradeMix"),
      enableSorting: false,
      cell: ({ row }) => formatMix(row.original.gradeMix, labels.gradeLabel, " · "),
    },
    moneyColumn<CustomerGroup>({
      id: "loanBalance",
      header: money.withUnit(t("loanBalance")),
      fen: (g) => BigInt(g.loanBalanceFen),
    }),
    ...(isOfficer ? [] : [rateColumn<CustomerGroup>({ id: "npl", header: t("nplRatio"), pct: (g) => g.nplRatioPct })]),
    moneyColumn<CustomerGroup>({
      id: "contribution",
      header: money.withUnit(t("contribution")),
      fen: (g) => BigInt(g.contributionFen),
    }),
    {
      id: "guidance",
      header: t("guidanceHead"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.guidance.length > 0
          ? row.original.guidance.map((m) => text.guidance(m.code)).join("、")
          : t("noGuidance"),
    },
  ];

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <Link href="/projects">{t("projectGroupsLink")}</Link>
      </div>
      <p>{t("intro")}</p>
      <section className="panel" aria-labelledby="customer-groups">
        <h2 id="customer-groups">{t("groups")}</h2>
        {run ? <FitLine fit={query.data?.fits.find((f) => f.subject === "customers")} run={run} /> : null}
        {isOfficer ? <p className="muted">{t("officerNote")}</p> : null}
        <DataTable
          columns={columns}
          rows={query.data?.groups}
          rowId={(g) => String(g.groupNo)}
          caption={t("groups")}
          isLoading={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          empty={<p>{query.data && !run ? t("noRun") : t("empty")}</p>}
          testId="customer-groups"
        />
      </section>
    </>
  );
}
