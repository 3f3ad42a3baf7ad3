"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatPct } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { QueryView } from "../ui/states";

/** Early warnings a run raised for project groups, worst first. */
export function WarningsTable({ runId }: { runId?: number }) {
  const t = useTranslations("projects");
  const tDash = useTranslations("dashboard");
  const locale = useLocale();
  const trpc = useTRPC();
  const warnings = useQuery(trpc.segment.warnings.queryOptions(runId ? { runId } : {}));
  return (
    <QueryView query={warnings}>
      {(data) =>
        data.warnings.length === 0 ? (
          <p className="muted">{tDash("warningsNone")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("group")}</th>
                  <th scope="col">{t("level")}</th>
                  <th scope="col" className="num">
                    {t("signalRate")}
                  </th>
                  <th scope="col">{t("reason")}</th>
                </tr>
              </thead>
              <tbody>
                {data.warnings.map((warning) => (
                  <tr key={warning.id}>
                    <td>{warning.groupKey}</td>
                    <td>
                      <span className={`badge ${["alert", "red", "high"].includes(warning.level) ? "danger" : "warn"}`}>
                        {warning.level}
                      </span>
                    </td>
                    <td className="num">{formatPct(warning.signalRate * 100, 1)}</td>
                    <td>{readReason(warning, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryView>
  );
}

/** The warning's reason in the interface language (the run stores the core warning with both texts). */
function readReason(warning: { reason: unknown }, locale: string): string {
  const reason = (typeof warning.reason === "object" && warning.reason !== null ? warning.reason : {}) as {
    messageZh?: unknown;
    messageEn?: unknown;
  };
  const picked = locale === "en" ? (reason.messageEn ?? reason.messageZh) : (reason.messageZh ?? reason.messageEn);
  return typeof picked === "string" ? picked : "—";
}
