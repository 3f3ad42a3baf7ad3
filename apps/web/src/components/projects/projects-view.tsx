"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { WarningsTable } from "../dashboard/warnings-table";
import { useMe } from "../session/me-context";
import { EmptyState, QueryView } from "../ui/states";
import { formatPct, formatWanNumber } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** Project groups with their default-signal rates, and the early warnings of the run. */
export function ProjectsView() {
  const t = useTranslations("projects");
  const me = useMe();
  const trpc = useTRPC();
  const groups = useQuery(trpc.segment.projectGroups.queryOptions({}));
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        {me.role === "credit_officer" ? <span className="muted">{t("readOnly")}</span> : null}
      </div>
      <section className="panel" aria-labelledby="warnings-list">
        <h2 id="warnings-list">{t("warnings")}</h2>
        <WarningsTable />
      </section>
      <section className="panel" aria-labelledby="group-list">
        <h2 id="group-list">{t("groups")}</h2>
        <QueryView query={groups}>
          {(data) =>
            data.groups.length === 0 ? (
              <EmptyState>
                <p>{t("empty")}</p>
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("industry")}</th>
                      <th scope="col">{t("region")}</th>
                      <th scope="col">{t("riskLevel")}</th>
                      <th scope="col" className="num">{t("projects")}</th>
                      <th scope="col" className="num">{t("loanAmount")} (万元)</th>
                      <th scope="col" className="num">{t("signalRate")}</th>
                      <th scope="col" className="num">{t("previousRate")}</th>
                      <th scope="col" className="num">{t("change")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.groups.map((group) => (
                      <tr key={group.groupKey}>
                        <td>{group.industry}</td>
                        <td>{group.region}</td>
                        <td>{group.riskLevel}</td>
                        <td className="num">{group.projectCount}</td>
                        <td className="num">{formatWanNumber(group.loanAmountFen)}</td>
                        <td className="num">{formatPct(group.signalRate * 100, 1)}</td>
                        <td className="num">{formatPct(readProfileText(group.profile, "previousSignalRatePct"), 1)}</td>
                        <td className="num">{readProfileText(group.profile, "changePctPoints") ?? "—"}</td>
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

/** A text figure the run stored in a group's profile (core ProjectGroup), or null. */
function readProfileText(profile: unknown, key: "previousSignalRatePct" | "changePctPoints"): string | null {
  const value = (profile as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}
