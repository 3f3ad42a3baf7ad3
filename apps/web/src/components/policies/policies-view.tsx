"use client";

import { parsePolicy } from "@creditseg/core/policy";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCan } from "../session/me-context";
import { EmptyState, QueryView } from "../ui/states";
import { PolicyDraftEditor } from "./policy-draft-editor";
import { PolicyStatusBadge } from "./policy-status-badge";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** Policies: every version with its status, the active document, and (for risk managers) the draft editor. */
export function PoliciesView() {
  const t = useTranslations("policies");
  const tc = useTranslations("common");
  const canWrite = useCan("policy.write");
  const trpc = useTRPC();
  const versions = useQuery(trpc.policy.list.queryOptions({ limit: 100 }));
  const active = useQuery(trpc.policy.active.queryOptions());
  const [isEditing, setEditing] = useState(false);
  const parsed = active.data ? parsePolicy(active.data.document) : null;

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        {canWrite && parsed?.ok && !isEditing ? (
          <button type="button" className="primary" onClick={() => setEditing(true)}>
            {t("newDraft")}
          </button>
        ) : null}
      </div>
      {isEditing && parsed?.ok ? <PolicyDraftEditor active={parsed.policy} /> : null}
      <section className="panel" aria-labelledby="active-policy">
        <h2 id="active-policy">{t("active")}</h2>
        <QueryView query={active}>
          {(policy) =>
            policy === null ? (
              <p className="muted">{t("noActive")}</p>
            ) : (
              <dl className="dl">
                <dt>{t("version")}</dt>
                <dd>v{policy.version}</dd>
                <dt>{t("name")}</dt>
                <dd>{policy.name}</dd>
                <dt>{t("effectiveFrom")}</dt>
                <dd>{formatDate(policy.effectiveFrom)}</dd>
                <dt>{t("changeNote")}</dt>
                <dd>{policy.changeNote || "—"}</dd>
                {parsed?.ok ? (
                  <>
                    <dt>{t("taxRate")}</dt>
                    <dd>{parsed.policy.taxRate}%</dd>
                    <dt>{t("tiers")}</dt>
                    <dd>{parsed.policy.tiers.map((tier) => `${tier.labelZh ?? tier.name}${tier.minContribution !== undefined ? ` ≥ ${tier.minContribution.toLocaleString()}` : ""}`).join(" · ")}</dd>
                    <dt>{t("cutoffs")}</dt>
                    <dd>
                      AAA ≥ {parsed.policy.grades.cutoffs.AAA} · AA ≥ {parsed.policy.grades.cutoffs.AA} · A ≥ {parsed.policy.grades.cutoffs.A}
                    </dd>
                  </>
                ) : null}
              </dl>
            )
          }
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="policy-versions">
        <h2 id="policy-versions">{t("versions")}</h2>
        <QueryView query={versions}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>
                <p>{t("empty")}</p>
              </EmptyState>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("version")}</th>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{tc("status")}</th>
                    <th scope="col">{t("effectiveFrom")}</th>
                    <th scope="col">{t("changeNote")}</th>
                    <th scope="col">{tc("createdAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((policy) => (
                    <tr key={policy.version}>
                      <td>v{policy.version}</td>
                      <td>{policy.name}</td>
                      <td>
                        <PolicyStatusBadge status={policy.status} />
                      </td>
                      <td>{formatDate(policy.effectiveFrom)}</td>
                      <td>{policy.changeNote || "—"}</td>
                      <td className="nowrap">{formatDateTime(policy.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryView>
      </section>
    </>
  );
}
