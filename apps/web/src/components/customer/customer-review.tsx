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
import { DataTable, type DataColumn } from "../ui/data-table";
import { SelectField } from "../ui/select-field";
import { useErrorText } from "~/components/ui/error-text";

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
  const valueLabel = (override: OverrideRow, value: string) => (override.field === "tier" ? tierLabel(value) : value);
  const columns: DataColumn<OverrideRow>[] = [
    {
      id: "field",
      header: t("field"),
      accessorFn: (override) => override.field,
      cell: ({ row }) => (row.original.field === "tier" ? t("tier") : t("grade")),
    },
    {
      id: "computed",
      header: t("computed"),
      enableSorting: false,
      cell: ({ row }) => valueLabel(row.original, row.original.computedValue),
    },
    {
      id: "proposed",
      header: t("proposed"),
      enableSorting: false,
      cell: ({ row }) => valueLabel(row.original, row.original.proposedValue),
    },
    {
      id: "reasonCode",
      header: t("reasonCode"),
      accessorFn: (override) => override.reasonCode,
      cell: ({ row }) =>
        t.has(`reason_${row.original.reasonCode}` as "reason_other")
          ? t(`reason_${row.original.reasonCode}` as "reason_other")
          : row.original.reasonCode,
    },
    {
      id: "comment",
      header: t("reasonComment"),
      enableSorting: false,
      cell: ({ row }) => row.original.comment || "—",
    },
    {
      id: "date",
      header: t("date"),
      accessorFn: (override) => override.proposedAt,
      cell: ({ row }) => formatDateTime(row.original.proposedAt),
      meta: { className: "nowrap" },
    },
    {
      id: "status",
      header: t("review"),
      accessorFn: (override) => override.status,
      cell: ({ row }) => {
        const override = row.original;
        return (
          <>
            <span
              className={`badge ${override.status === "approved" ? "ok" : override.status === "rejected" ? "danger" : "warn"}`}
            >
              {ts.has(override.status as "proposed") ? ts(override.status as "proposed") : override.status}
            </span>
            {override.decisionComment ? <div className="muted">{override.decisionComment}</div> : null}
            {override.expiresOn ? <div className="muted">→ {formatDate(override.expiresOn)}</div> : null}
          </>
        );
      },
    },
  ];
  return (
    <section className="panel" aria-labelledby="section-review">
      <h2 id="section-review">{t("overrides")}</h2>
      <DataTable
        columns={columns}
        rows={overrides}
        rowId={(override) => String(override.id)}
        caption={t("overrides")}
        empty={<p className="muted">{t("noOverrides")}</p>}
        testId="customer-overrides"
      />
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
  const errorText = useErrorText();
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
    <form className="form-gap" onSubmit={onSubmit} noValidate>
      <fieldset>
        <legend>{t("review")}</legend>
        <div className="filters">
          <SelectField
            label={t("field")}
            name="field"
            value={field}
            onChange={(value) => setField(value === "grade" ? "grade" : "tier")}
            options={[
              { value: "tier", label: t("tier") },
              { value: "grade", label: t("grade") },
            ]}
          />
          <SelectField
            key={field}
            label={t("proposedValue")}
            name="proposedValue"
            options={(field === "tier"
              ? tierOptions.filter((tier) => tier !== result.tier)
              : GRADES.filter((grade) => grade !== result.grade)
            ).map((value) => ({ value, label: field === "tier" ? tierLabel(value) : value }))}
          />
          <SelectField
            label={t("reasonCode")}
            name="reasonCode"
            options={OVERRIDE_REASON_CODES.map((code) => ({ value: code, label: t(`reason_${code}`) }))}
          />
          <div className="field-stack wide-field">
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
            {error.data?.appCode && t.has(`error_${error.data.appCode}` as "error_OVERRIDE_PENDING")
              ? t(`error_${error.data.appCode}` as "error_OVERRIDE_PENDING", {
                  field: field === "tier" ? t("tier") : t("grade"),
                })
              : errorText(error)}
          </p>
        ) : null}
        {propose.isSuccess ? <p role="status">{t("proposedDone")}</p> : null}
        {confirm.isSuccess ? <p role="status">{t("confirmedDone")}</p> : null}
      </fieldset>
    </form>
  );
}
