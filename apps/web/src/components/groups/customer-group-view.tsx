"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { useMe } from "../session/me-context";
import { moneyColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { EmptyState, QueryView } from "../ui/states";
import { useCursorPages } from "../ui/use-cursor-pages";
import { formatMix } from "./mix-text";
import { useGroupText } from "./use-group-text";
import { formatPct } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { customerGroupInput, FIRST_MEMBER_SORT, groupMembersInput, type MemberSort } from "./group-inputs";

type Member = inferRouterOutputs<AppRouter>["customer"]["list"]["items"][number];

/** One customer group of a run: its profile and guidance, then its customers (paged, sorted, in the caller's scope). */
export function CustomerGroupView({ runId: askedRunId, groupNo }: { runId?: number; groupNo: number }) {
  const t = useTranslations("groups");
  const me = useMe();
  const trpc = useTRPC();
  const text = useGroupText();
  const labels = useSegmentLabels();
  const group = useQuery({
    ...trpc.group.customerGroup.queryOptions(customerGroupInput(askedRunId, groupNo)),
    retry: false,
  });
  // The members are read from the run the group came from (the current run when the address names none).
  const runId = group.data?.run.id ?? askedRunId ?? 0;
  const money = useMoneyFormat();
  const [sort, setSort] = useState(FIRST_MEMBER_SORT);
  const input = groupMembersInput(runId, groupNo, sort);
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.customer.list.queryOptions({ ...input, cursor }),
    isEnabled: group.isSuccess,
  });

  if (group.error?.data?.code === "NOT_FOUND") {
    return (
      <EmptyState title={t("title")}>
        <p>{t("notFound")}</p>
        <Link href="/groups">{t("back")}</Link>
      </EmptyState>
    );
  }

  const columns: DataColumn<Member>[] = [
    {
      id: "customerId",
      header: t("customerId"),
      accessorFn: (row) => row.customerId,
      meta: { isRowHeader: true, className: "nowrap" },
      cell: ({ row }) => (
        <Link href={`/customers/${encodeURIComponent(row.original.customerId)}?run=${runId}`}>
          {row.original.customerId}
        </Link>
      ),
    },
    { id: "name", header: t("customerName"), accessorFn: (row) => row.name },
    { id: "industry", header: text.attribute("industry"), accessorFn: (row) => row.industry, enableSorting: false },
    {
      id: "size",
      header: text.attribute("size"),
      accessorFn: (row) => text.value("size", row.size),
      enableSorting: false,
    },
    {
      id: "tier",
      header: t("tier"),
      enableSorting: false,
      cell: ({ row }) => labels.tierLabel(row.original.effectiveTier),
    },
    {
      id: "grade",
      header: t("grade"),
      enableSorting: false,
      cell: ({ row }) => labels.gradeLabel(row.original.effectiveGrade),
    },
    moneyColumn<Member>({
      id: "contribution",
      header: money.withUnit(t("contribution")),
      fen: (r) => r.contributionFen,
    }),
    moneyColumn<Member>({ id: "loanBalance", header: money.withUnit(t("loanBalance")), fen: (r) => r.loanBalanceFen }),
  ];

  return (
    <QueryView query={group}>
      {({ group: g, run }) => (
        <>
          <div className="page-head">
            <h1>{text.nameNode(g.name, g.groupNo)}</h1>
            <Link href={`/groups?run=${run.id}`}>{t("back")}</Link>
          </div>
          <div className="grid-2">
            <section className="panel" aria-labelledby="group-profile">
              <h2 id="group-profile">{t("profile")}</h2>
              <ul data-testid="group-traits">
                {text.traits(g.profile).map((line) => (
                  <li key={line.key}>{line.content}</li>
                ))}
              </ul>
              <dl className="dl">
                <dt>{t("size")}</dt>
                <dd>{g.memberCount}</dd>
                <dt>{t("tierMix")}</dt>
                <dd>{formatMix(g.tierMix, labels.tierLabel, " · ")}</dd>
                <dt>{t("gradeMix")}</dt>
                <dd>{formatMix(g.gradeMix, labels.gradeLabel, " · ")}</dd>
                <dt>{t("loanBalance")}</dt>
                <dd>{money.amount(BigInt(g.loanBalanceFen))}</dd>
                {me.role === "credit_officer" ? null : (
                  <>
                    <dt>{t("nplRatio")}</dt>
                    <dd>{formatPct(g.nplRatioPct)}</dd>
                  </>
                )}
                <dt>{t("contribution")}</dt>
                <dd>{money.amount(BigInt(g.contributionFen))}</dd>
                <dt>{t("previousGroup")}</dt>
                <dd>{g.previousGroupNo === null ? t("newGroup") : `#${g.previousGroupNo}`}</dd>
              </dl>
            </section>
            <section className="panel" aria-labelledby="group-guidance">
              <h2 id="group-guidance">{t("guidanceHead")}</h2>
              {g.guidance.length > 0 ? (
                <ul data-testid="group-guidance">
                  {g.guidance.map((m) => (
                    <li key={m.code}>{text.guidance(m.code)}</li>
                  ))}
                </ul>
              ) : (
                <p>{t("noGuidance")}</p>
              )}
              {me.role === "credit_officer" ? <p className="muted">{t("officerNote")}</p> : null}
            </section>
          </div>
          <section className="panel" aria-labelledby="group-members">
            <div className="panel-header">
              <h2 id="group-members">{t("members")}</h2>
              {first.data ? <span className="muted">{t("membersCount", { total: more.total ?? 0 })}</span> : null}
            </div>
            <DataTable
              columns={columns}
              rows={first.data ? items : undefined}
              rowId={(row) => row.customerId}
              caption={t("members")}
              isLoading={first.isPending}
              error={first.error}
              onRetry={() => void first.refetch()}
              empty={<p>{t("empty")}</p>}
              serverSort={{
                by: sort.by,
                isDescending: sort.isDescending,
                onChange: ({ by, isDescending }) => setSort({ by: by as MemberSort, isDescending }),
              }}
              more={more}
              loadingRows={10}
              testId="group-members"
            />
          </section>
        </>
      )}
    </QueryView>
  );
}
