"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { pickColor } from "../charts/palette";
import { rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { QueryView } from "../ui/states";
import { formatPct } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type Point = inferRouterOutputs<AppRouter>["group"]["projectGroupHistory"]["points"][number];

/**
 * A found project group's signal rate in each run it was matched through, as a line and as a table (what keyboards
 * and screen readers read), shown in a panel beside the group list.
 */
export function FoundGroupTrend({
  runId,
  groupNo,
  title,
  onClose,
}: {
  runId: number;
  groupNo: number;
  title: string;
  onClose: () => void;
}) {
  const t = useTranslations("projects");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const history = useQuery(trpc.group.projectGroupHistory.queryOptions({ runId, groupNo }));
  const columns: DataColumn<Point>[] = [
    { id: "run", header: tc("run"), accessorFn: (p) => p.runId, cell: ({ row }) => `#${row.original.runId}` },
    { id: "period", header: tc("period"), accessorFn: (p) => p.period },
    {
      id: "group",
      header: t("groupName"),
      accessorFn: (p) => p.groupNo,
      cell: ({ row }) => `#${row.original.groupNo}`,
    },
    { id: "size", header: t("memberCount"), accessorFn: (p) => p.size, meta: { isNumeric: true } },
    rateColumn<Point>({ id: "signalRate", header: t("signalRate"), pct: (p) => p.signalRatePct, decimals: 1 }),
  ];
  const heading = t("trendTitle", { group: title });
  return (
    <section
      id="found-group-trend-panel"
      className="panel"
      aria-labelledby="found-group-trend"
      data-testid="found-group-trend"
    >
      <div className="panel-header">
        <h2 id="found-group-trend">{heading}</h2>
        <button type="button" onClick={onClose}>
          {tc("back")}
        </button>
      </div>
      <QueryView query={history}>
        {(data) => (
          <>
            <LineChart
              responsive
              className="chart-box chart-sm"
              data={data.points.map((p) => ({ run: `#${p.runId} ${p.period}`, rate: Number(p.signalRatePct) }))}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
              <XAxis dataKey="run" tick={{ fontSize: 11 }} />
              <YAxis tick={{ fontSize: 11 }} width={44} tickFormatter={(value: number) => formatPct(value, 0)} />
              <Tooltip formatter={(value) => [formatPct(Number(value), 1), t("signalRate")]} />
              <Line dataKey="rate" name={t("signalRate")} stroke={pickColor(0)} isAnimationActive={false} />
            </LineChart>
            <DataTable
              columns={columns}
              rows={data.points}
              rowId={(p) => String(p.runId)}
              caption={heading}
              empty={null}
              testId="found-group-history"
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
