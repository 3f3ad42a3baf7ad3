"use client";

import { addYears, bankDate } from "@creditseg/core/calendar";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { useCan, useMe } from "../session/me-context";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useCursorPages } from "../ui/use-cursor-pages";
import { overrideListInput } from "./override-list-input";
import { formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { useErrorText } from "~/components/ui/error-text";

/** The override queue (risk managers decide) or an officer's own requests. */
export function OverridesView() {
  const t = useTranslations("overrides");
  const tc = useTranslations("common");
  const ts = useTranslations("overrideStatus");
  const tReason = useTranslations("customer");
  const me = useMe();
  const canDecide = useCan("override.decide");
  const [showAll, setShowAll] = useState(false);
  const trpc = useTRPC();
  const input = overrideListInput(showAll);
  const { first, items, more } = useCursorPages({
    inputKey: JSON.stringify(input),
    queryFor: (cursor) => trpc.override.list.queryOptions({ ...input, cursor }),
  });
  const labels = useSegmentLabels();
  const valueLabel = (field: string, value: string) => (field === "tier" ? labels.tierLabel(value) : value);
  const columns: DataColumn<OverrideRow>[] = [
    {
      id: "customer",
      header: t("customer"),
      accessorFn: (override) => override.customerName,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <>
          <Link href={`/customers/${encodeURIComponent(row.original.customerId)}`} translate="no">
            {row.original.customerName}
          </Link>{" "}
          <span className="muted">{row.original.customerId}</span>
        </>
      ),
    },
    { id: "field", header: t("field"), accessorFn: (override) => override.field },
    {
      id: "from",
      header: t("from"),
      enableSorting: false,
      cell: ({ row }) => valueLabel(row.original.field, row.original.computedValue),
    },
    {
      id: "to",
      header: t("to"),
      enableSorting: false,
      cell: ({ row }) => valueLabel(row.original.field, row.original.proposedValue),
    },
    {
      id: "reason",
      header: t("reason"),
      accessorFn: (override) => override.reasonCode,
      cell: ({ row }) => (
        <>
          {tReason.has(`reason_${row.original.reasonCode}` as "reason_other")
            ? tReason(`reason_${row.original.reasonCode}` as "reason_other")
            : row.original.reasonCode}
          {row.original.comment ? <div className="muted">{row.original.comment}</div> : null}
        </>
      ),
    },
    {
      id: "proposedAt",
      header: t("proposedAt"),
      accessorFn: (override) => override.proposedAt,
      cell: ({ row }) => formatDateTime(row.original.proposedAt),
      meta: { className: "nowrap" },
    },
    {
      id: "status",
      header: tc("status"),
      accessorFn: (override) => override.status,
      cell: ({ row }) => (
        <>
          <span className="badge">
            {ts.has(row.original.status as "proposed") ? ts(row.original.status as "proposed") : row.original.status}
          </span>
          {row.original.decisionComment ? <div className="muted">{row.original.decisionComment}</div> : null}
        </>
      ),
    },
    ...(canDecide
      ? [
          {
            id: "actions",
            header: tc("actions"),
            enableSorting: false,
            meta: { className: "nowrap" },
            cell: ({ row }) =>
              row.original.status === "proposed" ? (
                <DecideOverride overrideId={row.original.id} customerName={row.original.customerName} />
              ) : null,
          } satisfies DataColumn<OverrideRow>,
        ]
      : []),
  ];
  return (
    <>
      <div className="page-head">
        <h1>{me.role === "credit_officer" ? t("titleOfficer") : t("title")}</h1>
        <label className="row">
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
          {t("showAll")}
        </label>
      </div>
      <p className="muted" data-testid="override-next-run">
        {t("appliesFromNextRun")}
      </p>
      <section className="panel" aria-label={t("title")}>
        <DataTable
          columns={columns}
          rows={first.data ? items : undefined}
          rowId={(override) => String(override.id)}
          caption={me.role === "credit_officer" ? t("titleOfficer") : t("title")}
          isLoading={first.isPending}
          error={first.error}
          onRetry={() => void first.refetch()}
          empty={<p>{t("empty")}</p>}
          more={more}
          testId="override-queue"
        />
      </section>
    </>
  );
}

type OverrideRow = inferRouterOutputs<AppRouter>["override"]["list"]["items"][number];

/** A year from the bank's today as YYYY-MM-DD: the default end of an approved override. */
function defaultExpiry(): string {
  return addYears(bankDate(new Date()), 1);
}

/** Approve (until a date) or reject one proposal, with the comment the decision needs. */
function DecideOverride({ overrideId, customerName }: { overrideId: number; customerName: string }) {
  const t = useTranslations("overrides");
  const errorText = useErrorText();
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [expiresOn, setExpiresOn] = useState(defaultExpiry);
  const [hasTried, setTried] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.override.list.queryKey() });
  const approve = useMutation(trpc.override.approve.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.override.reject.mutationOptions({ onSuccess: refresh }));
  const isCommentMissing = comment.trim().length === 0;
  const decide = (isApproval: boolean) => {
    setTried(true);
    if (isCommentMissing) return;
    if (isApproval) approve.mutate({ overrideId, comment: comment.trim(), expiresOn });
    else reject.mutate({ overrideId, comment: comment.trim() });
  };
  const error = approve.error ?? reject.error;
  return (
    <div className="field-stack decide-box" role="group" aria-label={`${t("decision")} · ${customerName}`}>
      <label className="field">
        <span>{t("decision")}</span>
        <input
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={2000}
          aria-invalid={hasTried && isCommentMissing ? true : undefined}
          aria-describedby={hasTried && isCommentMissing ? `${id}-c` : undefined}
        />
      </label>
      {hasTried && isCommentMissing ? (
        <span id={`${id}-c`} className="field-error">
          {t("commentRequired")}
        </span>
      ) : null}
      <label className="field">
        <span>{t("expiresOn")}</span>
        <input type="date" value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} />
      </label>
      <div className="row">
        <button type="button" className="primary" disabled={approve.isPending} onClick={() => decide(true)}>
          {t("approve")}
        </button>
        <button type="button" className="danger" disabled={reject.isPending} onClick={() => decide(false)}>
          {t("reject")}
        </button>
      </div>
      {error ? (
        <span role="alert" className="field-error">
          {errorText(error)}
        </span>
      ) : null}
    </div>
  );
}
