"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { useCan, useMe } from "../session/me-context";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { EmptyState, QueryView } from "../ui/states";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** The override queue (risk managers decide) or an officer's own requests. */
export function OverridesView() {
  const t = useTranslations("overrides");
  const tc = useTranslations("common");
  const ts = useTranslations("overrideStatus");
  const me = useMe();
  const canDecide = useCan("override.decide");
  const [showAll, setShowAll] = useState(false);
  const trpc = useTRPC();
  const overrides = useQuery(
    trpc.override.list.queryOptions({ ...(showAll ? {} : { statuses: ["proposed"] as "proposed"[] }), limit: 100 }),
  );
  const labels = useSegmentLabels();
  const valueLabel = (field: string, value: string) => (field === "tier" ? labels.tierLabel(value) : value);
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
        <QueryView query={overrides}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>
                <p>{t("empty")}</p>
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="data" data-testid="override-queue">
                  <thead>
                    <tr>
                      <th scope="col">{t("customer")}</th>
                      <th scope="col">{t("field")}</th>
                      <th scope="col">{t("from")}</th>
                      <th scope="col">{t("to")}</th>
                      <th scope="col">{t("reason")}</th>
                      <th scope="col">{t("proposedAt")}</th>
                      <th scope="col">{tc("status")}</th>
                      {canDecide ? <th scope="col">{tc("actions")}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((override) => (
                      <tr key={override.id}>
                        <td>
                          <Link href={`/customers/${encodeURIComponent(override.customerId)}`}>
                            {override.customerName}
                          </Link>{" "}
                          <span className="muted">{override.customerId}</span>
                        </td>
                        <td>{override.field}</td>
                        <td>{valueLabel(override.field, override.computedValue)}</td>
                        <td>{valueLabel(override.field, override.proposedValue)}</td>
                        <td>
                          {override.reasonCode}
                          {override.comment ? <div className="muted">{override.comment}</div> : null}
                        </td>
                        <td className="nowrap">{formatDateTime(override.proposedAt)}</td>
                        <td>
                          <span className="badge">
                            {ts.has(override.status as "proposed")
                              ? ts(override.status as "proposed")
                              : override.status}
                          </span>
                          {override.decisionComment ? <div className="muted">{override.decisionComment}</div> : null}
                        </td>
                        {canDecide ? (
                          <td className="nowrap">
                            {override.status === "proposed" ? (
                              <DecideOverride overrideId={override.id} customerName={override.customerName} />
                            ) : null}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

/** A year from today as YYYY-MM-DD: the default end of an approved override. */
function defaultExpiry(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return formatDate(date);
}

/** Approve (until a date) or reject one proposal, with the comment the decision needs. */
function DecideOverride({ overrideId, customerName }: { overrideId: number; customerName: string }) {
  const t = useTranslations("overrides");
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
    <div
      style={{ display: "grid", gap: "0.25rem", minWidth: "15rem" }}
      role="group"
      aria-label={`${t("decision")} · ${customerName}`}
    >
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
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
