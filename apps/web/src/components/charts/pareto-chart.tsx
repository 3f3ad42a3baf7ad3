"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type ParetoDatum = { customerSharePct: number; contributionSharePct: number };

/**
 * Cumulative contribution share against the share of customers, largest contributors first. Clicking the curve
 * selects the nearest point (the keyboard path is the links the page shows beside the chart).
 */
export function ParetoChart({
  data,
  xLabel,
  yLabel,
  onSelect,
}: {
  data: ParetoDatum[];
  xLabel: string;
  yLabel: string;
  onSelect?: (point: ParetoDatum) => void;
}) {
  const points = [{ customerSharePct: 0, contributionSharePct: 0 }, ...data];
  return (
    <LineChart
      responsive
      className="chart-box chart-md"
      data={points}
      margin={{ top: 8, right: 12, bottom: 16, left: 8 }}
      style={onSelect ? { cursor: "pointer" } : undefined}
      onClick={(state) => {
        const point = data.find((datum) => datum.customerSharePct === Number(state.activeLabel));
        if (point && onSelect) onSelect(point);
      }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#e3e7ec" />
      <XAxis
        dataKey="customerSharePct"
        type="number"
        domain={[0, 100]}
        tick={{ fontSize: 11, fill: "#4f5b6b" }}
        tickFormatter={(value: number) => `${value}%`}
        label={{ value: xLabel, position: "insideBottom", offset: -8, fontSize: 11, fill: "#4f5b6b" }}
      />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 20, 40, 60, 80, 100]}
        tick={{ fontSize: 11, fill: "#4f5b6b" }}
        tickFormatter={(value: number) => `${value}%`}
        width={48}
        label={{ value: yLabel, angle: -90, position: "insideLeft", fontSize: 11, fill: "#4f5b6b" }}
      />
      <Tooltip
        formatter={(value) => [`${Number(value).toFixed(1)}%`, yLabel]}
        labelFormatter={(label) => `${xLabel}: ${typeof label === "number" || typeof label === "string" ? label : ""}%`}
      />
      <ReferenceLine y={80} stroke="#b25d00" strokeDasharray="4 4" />
      <ReferenceLine x={20} stroke="#b25d00" strokeDasharray="4 4" />
      <Line
        type="monotone"
        dataKey="contributionSharePct"
        stroke="#0b5cad"
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
        name={yLabel}
      />
    </LineChart>
  );
}
