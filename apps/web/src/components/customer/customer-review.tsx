"use client";

import { GRADES } from "@creditseg/core/constants";
import { useTranslations } from "next-intl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useCan } from "../session/me-context";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { readTierNames } from "../segments/tier-order";
import { formText } from "../form-text";

type OverrideRow = {
  id: number;
  field: string;
  computedValue: string;
  proposedValue: string;
  reasonCode: string;
  comment: string;
  status: string;
  proposedAt: Date;
  decidedAt: Date | null;
  decisionComment: string | null;
  expiresOn: string | null;
};

/** Reason codes officers choose from when proposing an override (stored as the override's reason code). */
export const OVERRIDE_REASON_CODES = [
  "collateral_added",
  "group_support",
  "data_lag",
  "restructuring",
  "strategic_client",
  "other",
] as const;

/**
 * The customer's overrides and, for credit officers, the review action: confirm the segment, or
 * propose an override with a reason code; risk managers decide in the override queue.
 */
export function CustomerReview({
  customerId,
  result,
  overrides,
  tierLabel,
}: {
  customerId: string;
  result: { tier: string; grade: string } | null;
  overrides: OverrideRow[];
  tierLabel: (tier: string) => string;
}) {
  const t = useTranslations("customer");
  const ts = useTranslations("overrideStatus");
  const canPropose = useCan("override.propose");
  return (
    <section className="panel" aria-labelledby="section-review">
      <h2 id="section-review">{t("overrides")}</h2>
      {overrides.length === 0 ? (
        <p className="muted">{t("noOverrides")}</p>
      ) : (
        <table className="data" data-testid="customer-overrides">
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("computed")}</th>
              <th scope="col">{t("proposed")}</th>
              <th scope="col">{t("reasonCode")}</th>
              <th scope="col">{t("reasonComment")}</th>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("review")}</th>
            </tr>
          </thead>
          <tbody>
            {overrides.map((override) => (
              <tr key={override.id}>
                <td>{override.field === "tier" ? t("tier") : t("grade")}</td>
                <td>{override.field === "tier" ? tierLabel(override.computedValue) : override.computedValue}</td>
                <td>{override.field === "tier" ? tierLabel(override.proposedValue) : override.proposedValue}</td>
                <td>
                  {t.has(`reason_${override.reasonCode}` as "reason_other")
                    ? t(`reason_${override.reasonCode}` as "reason_other")
                    : override.reasonCode}
                </td>
                <td>{override.comment || "—"}</td>
                <td className="nowrap">{formatDateTime(override.proposedAt)}</td>
                <td>
                  <span
                    className={`badge ${override.status === "approved" ? "ok" : override.status === "rejected" ? "danger" : "warn"}`}
                  >
                    {ts.has(override.status as "proposed") ? ts(override.status as "proposed") : override.status}
                  </span>
                  {override.decisionComment ? <div className="muted">{override.decisionComment}</div> : null}
                  {override.expiresOn ? <div className="muted">→ {formatDate(override.expiresOn)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canPropose && result ? (
        <ProposeOverrideForm customerId={customerId} result={result} tierLabel={tierLabel} />
      ) : null}
    </section>
  );
}

function ProposeOverrideForm({
  customerId,
  result,
  tierLabel,
}: {
  customerId: string;
  result: { tier: string; grade: string };
  tierLabel: (tier: string) => string;
}) {
  const t = useTranslations("customer");
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [field, setField] = useState<"tier" | "grade">("tier");
  const [comment, setComment] = useState("");
  const [hasTriedSubmit, setTriedSubmit] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.customer.byId.queryKey() });
  const propose = useMutation(trpc.override.propose.mutationOptions({ onSuccess: refresh }));
  const confirm = useMutation(trpc.override.confirm.mutationOptions({ onSuccess: refresh }));
  const isCommentMissing = comment.trim().length === 0;
  const activePolicy = useQuery(trpc.policy.active.queryOptions());
  const tierOptions = readTierNames(activePolicy.data?.document);
  const error = propose.error ?? confirm.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTriedSubmit(true);
    if (isCommentMissing) return;
    const form = new FormData(event.currentTarget);
    propose.mutate(
      {
        customerId,
        field,
        proposedValue: formText(form, "proposedValue"),
        reasonCode: formText(form, "reasonCode", "OTHER"),
        comment: comment.trim(),
      },
      {
        onSuccess: () => {
          setComment("");
          setTriedSubmit(false);
        },
      },
    );
  }

  return (
    <form style={{ marginTop: "0.75rem" }} onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t("review")}</legend>
        <div className="filters">
          <label className="field">
            <span>{t("field")}</span>
            <select
              name="field"
              value={field}
              onChange={(event) => setField(event.target.value === "grade" ? "grade" : "tier")}
            >
              <option value="tier">{t("tier")}</option>
              <option value="grade">{t("grade")}</option>
            </select>
          </label>
          <label className="field">
            <span>{t("proposedValue")}</span>
            <select name="proposedValue" key={field}>
              {(field === "tier"
                ? tierOptions.filter((tier) => tier !== result.tier)
                : GRADES.filter((grade) => grade !== result.grade)
              ).map((value) => (
                <option key={value} value={value}>
                  {field === "tier" ? tierLabel(value) : value}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("reasonCode")}</span>
            <select name="reasonCode">
              {OVERRIDE_REASON_CODES.map((code) => (
                <option key={code} value={code}>
                  {t(`reason_${code}`)}
                </option>
              ))}
            </select>
          </label>
          <div style={{ display: "grid", gap: "0.15rem", flex: 1, minWidth: "16rem" }}>
            <label className="field">
              <span>{t("reasonComment")}</span>
              <input
                name="comment"
                value={comment}
                onChange={(event) => setComment(event.target.value)}
                maxLength={2000}
                required
                aria-invalid={hasTriedSubmit && isCommentMissing ? true : undefined}
                aria-describedby={hasTriedSubmit && isCommentMissing ? `${id}-comment` : undefined}
              />
            </label>
            {hasTriedSubmit && isCommentMissing ? (
              <span id={`${id}-comment`} className="field-error">
                {t("commentRequired")}
              </span>
            ) : null}
          </div>
          <div className="row">
            <button
              type="button"
              disabled={confirm.isPending}
              onClick={() =>
                confirm.mutate({ customerId, field, ...(comment.trim() ? { comment: comment.trim() } : {}) })
              }
            >
              {t("confirm")}
            </button>
            <button type="submit" className="primary" disabled={propose.isPending}>
              {t("propose")}
            </button>
          </div>
        </div>
        {error ? (
          <p role="alert" className="field-error">
            {error.message}
          </p>
        ) : null}
        {propose.isSuccess ? <p role="status">{t("proposedDone")}</p> : null}
        {confirm.isSuccess ? <p role="status">{t("confirmedDone")}</p> : null}
      </fieldset>
    </form>
  );
}
