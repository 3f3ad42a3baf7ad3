"use client";

import { GRADES } from "@creditseg/core/constants";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useCan } from "../session/me-context";
import { formatDate, formatDateTime } from "~/i18n/format";

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
export const OVERRIDE_REASON_CODES = ["NEW_COLLATERAL", "GROUP_SUPPORT", "DATA_LAG", "RESTRUCTURING", "STRATEGIC_CLIENT", "OTHER"] as const;

/**
 * The customer's overrides and, for credit officers, the review action: confirm the segment, or
 * propose an override with a reason. Proposing needs the override procedures on the server.
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
                <td>{override.reasonCode}</td>
                <td>{override.comment || "—"}</td>
                <td className="nowrap">{formatDateTime(override.proposedAt)}</td>
                <td>
                  <span className={`badge ${override.status === "approved" ? "ok" : override.status === "rejected" ? "danger" : "warn"}`}>{ts.has(override.status as "proposed") ? ts(override.status as "proposed") : override.status}</span>
                  {override.decisionComment ? <div className="muted">{override.decisionComment}</div> : null}
                  {override.expiresOn ? <div className="muted">→ {formatDate(override.expiresOn)}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canPropose && result ? <ProposeOverrideForm customerId={customerId} result={result} tierLabel={tierLabel} /> : null}
    </section>
  );
}

function ProposeOverrideForm({ result, tierLabel }: { customerId: string; result: { tier: string; grade: string }; tierLabel: (tier: string) => string }) {
  const t = useTranslations("customer");
  const tc = useTranslations("common");
  const id = useId();
  const [field, setField] = useState<"tier" | "grade">("tier");
  const [comment, setComment] = useState("");
  const isCommentMissing = comment.trim().length === 0;
  const tierOptions = ["core", "basic", "general"];
  return (
    <form style={{ marginTop: "0.75rem" }} onSubmit={(event) => event.preventDefault()} aria-describedby={`${id}-unavailable`}>
      <fieldset>
        <legend>{t("propose")}</legend>
        <div className="filters">
          <label className="field">
            <span>{t("field")}</span>
            <select value={field} onChange={(event) => setField(event.target.value === "grade" ? "grade" : "tier")}>
              <option value="tier">{t("tier")}</option>
              <option value="grade">{t("grade")}</option>
            </select>
          </label>
          <label className="field">
            <span>{t("proposedValue")}</span>
            <select name="proposedValue">
              {(field === "tier" ? tierOptions.filter((tier) => tier !== result.tier) : GRADES.filter((grade) => grade !== result.grade)).map((value) => (
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
                  {code}
                </option>
              ))}
            </select>
          </label>
          <label className="field" style={{ flex: 1, minWidth: "16rem" }}>
            <span>{t("reasonComment")}</span>
            <input name="comment" value={comment} onChange={(event) => setComment(event.target.value)} maxLength={500} required aria-invalid={isCommentMissing ? undefined : false} />
          </label>
          <div className="row">
            <button type="button" disabled>
              {t("confirm")}
            </button>
            <button type="submit" className="primary" disabled>
              {t("propose")}
            </button>
          </div>
        </div>
        <p id={`${id}-unavailable`} className="muted" style={{ marginTop: "0.4rem" }}>
          {tc("unavailableTitle")}: {tc("unavailableBody")}
        </p>
      </fieldset>
    </form>
  );
}
