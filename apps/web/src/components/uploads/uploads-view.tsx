"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "../session/me-context";
import { EmptyState, QueryView } from "../ui/states";
import { UploadWizard } from "./upload-wizard";
import { formatAmount, formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/**
 * Uploads (admin): the upload flow, then the batch history with control totals, each batch's
 * rejected rows, and rollback of a committed batch.
 */
export function UploadsView() {
  const t = useTranslations("uploads");
  const tc = useTranslations("common");
  const ts = useTranslations("uploadStatus");
  const canCommit = useCan("upload.commit");
  const trpc = useTRPC();
  const batches = useQuery(trpc.upload.list.queryOptions({ limit: 100 }));
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
  return (
    <>
      <h1>{t("title")}</h1>
      {canCommit ? <UploadWizard /> : null}
      <section className="panel" aria-labelledby="upload-history">
        <h2 id="upload-history">{t("history")}</h2>
        {rollback.error ? (
          <p role="alert" className="field-error">
            {rollback.error.message}
          </p>
        ) : null}
        {rollback.isSuccess ? <p role="status">{t("rolledBack")}</p> : null}
        <QueryView query={batches}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>
                <p>{t("empty")}</p>
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("file")}</th>
                      <th scope="col">{t("kind")}</th>
                      <th scope="col">{tc("period")}</th>
                      <th scope="col">{t("encoding")}</th>
                      <th scope="col">{tc("status")}</th>
                      <th scope="col" className="num">
                        {t("rows")}
                      </th>
                      <th scope="col" className="num">
                        {t("accepted")}
                      </th>
                      <th scope="col" className="num">
                        {t("rejected")}
                      </th>
                      <th scope="col" className="num">
                        {t("controlTotal")}
                      </th>
                      <th scope="col">{tc("createdAt")}</th>
                      <th scope="col">{tc("actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((batch) => (
                      <tr key={batch.id} aria-selected={selected === batch.id}>
                        <td>{batch.fileName}</td>
                        <td>{kindLabel(batch.kind)}</td>
                        <td>{batch.period}</td>
                        <td>{batch.encoding ?? "—"}</td>
                        <td>
                          <span className="badge">
                            {ts.has(batch.status as "validated") ? ts(batch.status as "validated") : batch.status}
                          </span>
                        </td>
                        <td className="num">{batch.rowsRead}</td>
                        <td className="num">{batch.rowsAccepted}</td>
                        <td className="num">{batch.rowsRejected}</td>
                        <td className="num">{formatAmount(batch.totalAcceptedFen)}</td>
                        <td className="nowrap">{formatDateTime(batch.createdAt)}</td>
                        <td className="row">
                          {batch.rowsRejected > 0 ? (
                            <button
                              type="button"
                              onClick={() => setSelected(batch.id)}
                              aria-pressed={selected === batch.id}
                            >
                              {t("rejects")}
                            </button>
                          ) : null}
                          {canRollback && batch.status === "committed" ? (
                            <button
                              type="button"
                              className="danger"
                              disabled={rollback.isPending}
                              onClick={() => rollback.mutate({ batchId: batch.id })}
                            >
                              {t("rollback")}
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </section>
      {selected ? <RejectsPanel batchId={selected} /> : null}
    </>
  );
}

function RejectsPanel({ batchId }: { batchId: string }) {
  const t = useTranslations("uploads");
  const locale = useLocale();
  const trpc = useTRPC();
  const batch = useQuery(trpc.upload.byId.queryOptions({ batchId, rejectsLimit: 200 }));
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
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("row")}
                    </th>
                    <th scope="col">{t("column")}</th>
                    <th scope="col">{t("problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rejects.map((reject) => (
                    <tr key={reject.id}>
                      <td className="num">{reject.rowNumber}</td>
                      <td>
                        {reject.column ?? "—"}
                        {reject.value ? <span className="muted"> = {reject.value}</span> : null}
                      </td>
                      <td>{locale === "en" ? reject.messageEn : reject.messageZh}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </QueryView>
    </section>
  );
}
