"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "../session/me-context";
import { DataTable, type DataColumn } from "../ui/data-table";
import { QueryView } from "../ui/states";
import { useCursorPages } from "../ui/use-cursor-pages";
import { UPLOAD_LIST_INPUT } from "./upload-list-input";
import { UploadWizard } from "./upload-wizard";
import { formatAmount, formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { ConfirmButton } from "../ui/confirm-button";
import { useColumnLabels } from "./use-column-labels";
import { useRejectReason } from "./use-reject-reason";
import { useErrorText } from "~/components/ui/error-text";

type Batch = inferRouterOutputs<AppRouter>["upload"]["list"]["items"][number];
type BatchReject = inferRouterOutputs<AppRouter>["upload"]["byId"]["rejects"][number];

/**
 * Uploads (admin): the upload flow, then the batch history with control totals, each batch's
 * rejected rows, and rollback of a committed batch.
 */
export function UploadsView() {
  const t = useTranslations("uploads");
  const errorText = useErrorText();
  const tc = useTranslations("common");
  const ts = useTranslations("uploadStatus");
  const canCommit = useCan("upload.commit");
  const trpc = useTRPC();
  const batches = useCursorPages({
    inputKey: "all",
    queryFor: (cursor) => trpc.upload.list.queryOptions({ ...UPLOAD_LIST_INPUT, cursor }),
  });
  const locale = useLocale();
  const [selected, setSelected] = useState<string | null>(null);
  const canRollback = useCan("upload.rollback");
  const queryClient = useQueryClient();
  const rollback = useMutation(
    trpc.upload.rollback.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.upload.list.queryKey() }),
    }),
  );
  const kindLabel = (kind: string) =>
    t.has(`kind_${kind}` as "kind_loans") ? t(`kind_${kind}` as "kind_loans") : kind;
  const columns: DataColumn<Batch>[] = [
    {
      id: "file",
      header: t("file"),
      accessorFn: (batch) => batch.fileName,
      meta: { isRowHeader: true, isData: true },
    },
    {
      id: "kind",
      header: t("kind"),
      accessorFn: (batch) => batch.kind,
      cell: ({ row }) => kindLabel(row.original.kind),
    },
    { id: "period", header: tc("period"), accessorFn: (batch) => batch.period ?? "" },
    { id: "encoding", header: t("encoding"), accessorFn: (batch) => batch.encoding ?? "—" },
    {
      id: "status",
      header: tc("status"),
      accessorFn: (batch) => batch.status,
      cell: ({ row }) => (
        <span className="badge">
          {ts.has(row.original.status as "validated") ? ts(row.original.status as "validated") : row.original.status}
        </span>
      ),
    },
    { id: "rows", header: t("rows"), accessorFn: (batch) => batch.rowsRead, meta: { isNumeric: true } },
    { id: "accepted", header: t("accepted"), accessorFn: (batch) => batch.rowsAccepted, meta: { isNumeric: true } },
    { id: "rejected", header: t("rejected"), accessorFn: (batch) => batch.rowsRejected, meta: { isNumeric: true } },
    {
      id: "controlTotal",
      header: t("controlTotal"),
      accessorFn: (batch) => batch.totalAcceptedFen,
      meta: { isNumeric: true },
      cell: ({ row }) => formatAmount(row.original.totalAcceptedFen, locale),
    },
    {
      id: "createdAt",
      header: tc("createdAt"),
      accessorFn: (batch) => batch.createdAt,
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { className: "nowrap" },
    },
    {
      id: "actions",
      header: tc("actions"),
      enableSorting: false,
      cell: ({ row }) => {
        const batch = row.original;
        return (
          <div className="row">
            {batch.rowsRejected > 0 ? (
              <button type="button" onClick={() => setSelected(batch.id)} aria-pressed={selected === batch.id}>
                {t("rejects")}
              </button>
            ) : null}
            {canRollback && batch.status === "committed" ? (
              <ConfirmButton
                className="danger"
                label={t("rollback")}
                title={t("rollbackTitle", { id: batch.id })}
                confirmLabel={t("rollbackConfirm")}
                isDisabled={rollback.isPending}
                onConfirm={() => rollback.mutate({ batchId: batch.id })}
              >
                <p>
                  {t("rollbackBody", {
                    kind: t.has(`kind_${batch.kind}` as "kind_loans")
                      ? t(`kind_${batch.kind}` as "kind_loans")
                      : batch.kind,
                    period: batch.period ?? "—",
                    rows: batch.rowsAccepted,
                  })}
                </p>
              </ConfirmButton>
            ) : null}
          </div>
        );
      },
    },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      {canCommit ? <UploadWizard /> : null}
      <section className="panel" aria-labelledby="upload-history">
        <h2 id="upload-history">{t("history")}</h2>
        {rollback.error ? (
          <p role="alert" className="field-error">
            {errorText(rollback.error)}
          </p>
        ) : null}
        {rollback.isSuccess ? <p role="status">{t("rolledBack")}</p> : null}
        <DataTable
          columns={columns}
          rows={batches.first.data ? batches.items : undefined}
          rowId={(batch) => batch.id}
          caption={t("history")}
          isLoading={batches.first.isPending}
          error={batches.first.error}
          onRetry={() => void batches.first.refetch()}
          empty={<p>{t("empty")}</p>}
          more={batches.more}
        />
      </section>
      {selected ? <RejectsPanel batchId={selected} /> : null}
    </>
  );
}

function RejectsPanel({ batchId }: { batchId: string }) {
  const t = useTranslations("uploads");
  const trpc = useTRPC();
  const batch = useQuery(trpc.upload.byId.queryOptions({ batchId, rejectsLimit: 200 }));
  const columnLabels = useColumnLabels(batch.data?.batch.kind);
  const reasonOf = useRejectReason(batch.data?.batch.kind);
  const rejectColumns: DataColumn<BatchReject>[] = [
    { id: "row", header: t("row"), accessorFn: (reject) => reject.rowNumber, meta: { isNumeric: true } },
    {
      id: "column",
      header: t("column"),
      accessorFn: (reject) => reject.column ?? "—",
      cell: ({ row }) => (
        <>
          {columnLabels.label(row.original.column)}
          {row.original.value ? <span className="muted"> = {row.original.value}</span> : null}
        </>
      ),
    },
    {
      id: "problem",
      header: t("problem"),
      enableSorting: false,
      cell: ({ row }) => reasonOf({ code: row.original.reasonCode, params: row.original.params }),
    },
  ];
  return (
    <section className="panel" aria-labelledby="upload-rejects">
      <h2 id="upload-rejects">{t("rejects")}</h2>
      <QueryView query={batch}>
        {(data) =>
          data.rejects.length === 0 ? (
            <p className="muted">{t("noRejects")}</p>
          ) : (
            <>
              <a className="button" href={`/api/uploads/batches/${batchId}/report`} download>
                {t("downloadRejects")}
              </a>
              <DataTable
                columns={rejectColumns}
                rows={data.rejects}
                rowId={(reject) => String(reject.id)}
                caption={t("rejects")}
                empty={null}
                pageSize={50}
              />
            </>
          )
        }
      </QueryView>
    </section>
  );
}
