"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { WarningsTable } from "../dashboard/warnings-table";
import { useMe } from "../session/me-context";
import { pickColor } from "../charts/palette";
import { EmptyState, QueryView } from "../ui/states";
import { formatPct, formatWanNumber } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";

/** Project groups with their default-signal rates, and the early warnings of the run. */
export function ProjectsView() {
  const t = useTranslations("projects");
  const me = useMe();
  const trpc = useTRPC();
  const groups = useQuery(trpc.segment.projectGroups.queryOptions({}));
  const [selected, setSelected] = useState<string | null>(null);
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
                      <th scope="col" className="num">
                        {t("projects")}
                      </th>
                      <th scope="col" className="num">
                        {t("loanAmount")} (万元)
                      </th>
                      <th scope="col" className="num">
                        {t("signalRate")}
                      </th>
                      <th scope="col" className="num">
                        {t("previousRate")}
                      </th>
                      <th scope="col" className="num">
                        {t("change")}
                      </th>
                      <th scope="col">{t("history")}</th>
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
                        <td>
                          <button
                            type="button"
                            aria-pressed={selected === group.groupKey}
                            onClick={() => setSelected(selected === group.groupKey ? null : group.groupKey)}
                          >
                            {t("history")}
                          </button>
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
      {selected ? <GroupHistory groupKey={selected} /> : null}
    </>
  );
}

/** One group's signal rate in every finished run, as a line and as a table (the table is what keyboards and screen readers read). */
function GroupHistory({ groupKey }: { groupKey: string }) {
  const t = useTranslations("projects");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const history = useQuery(trpc.segment.projectGroupHistory.queryOptions({ groupKey }));
  return (
    <section className="panel" aria-labelledby="group-history">
      <h2 id="group-history">{t("historyTitle", { group: groupKey })}</h2>
      <QueryView query={history}>
        {(data) => (
          <div className="grid-2">
            <LineChart
              responsive
              style={{ width: "100%", height: 200 }}
              data={data.points.map((p) => ({
                run: `#${p.runId} ${p.period}`,
                rate: Math.round(p.signalRate * 1000) / 10,
              }))}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
              <XAxis dataKey="run" tick={{ fontSize: 11 }} />
              <YAxis tick={{ fontSize: 11 }} width={40} unit="%" />
              <Tooltip />
              <Line dataKey="rate" name={t("signalRate")} stroke={pickColor(0)} isAnimationActive={false} />
            </LineChart>
            <div className="table-wrap">
              <table className="data" data-testid="group-history">
                <thead>
                  <tr>
                    <th scope="col">{tc("run")}</th>
                    <th scope="col">{tc("period")}</th>
                    <th scope="col" className="num">
                      {t("projects")}
                    </th>
                    <th scope="col" className="num">
                      {t("signalRate")}
                    </th>
                    <th scope="col">{t("level")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.points.map((point) => (
                    <tr key={point.runId}>
                      <td>#{point.runId}</td>
                      <td>{point.period}</td>
                      <td className="num">{point.projectCount}</td>
                      <td className="num">{formatPct(point.signalRate * 100, 1)}</td>
                      <td>{point.warningLevels.length > 0 ? point.warningLevels.join(", ") : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </QueryView>
    </section>
  );
}

/** A text figure the run stored in a group's profile (core ProjectGroup), or null. */
function readProfileText(profile: unknown, key: "previousSignalRatePct" | "changePctPoints"): string | null {
  const value = (profile as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}
