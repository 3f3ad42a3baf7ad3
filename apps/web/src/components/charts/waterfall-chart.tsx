"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type WaterfallStep = { label: string; value: number; isTotal?: boolean };

/**
 * A waterfall: each step floats from the running total; the total bar starts at zero. Values are
 * 万元 numbers for geometry only; the exact figures sit in the table beside it.
 */
export function WaterfallChart({ steps, valueLabel }: { steps: WaterfallStep[]; valueLabel: string }) {
  const data: { label: string; base: number; span: number; value: number; isTotal: boolean }[] = [];
  let running = 0;
  for (const step of steps) {
    if (step.isTotal) {
      data.push({ label: step.label, base: 0, span: step.value, value: step.value, isTotal: true });
      continue;
    }
    const start = running;
    running += step.value;
    data.push({
      label: step.label,
      base: Math.min(start, running),
      span: Math.abs(step.value),
      value: step.value,
      isTotal: false,
    });
  }
  return (
    <BarChart
      responsive
      style={{ width: "100%", height: 230 }}
      data={data}
      margin={{ top: 8, right: 8, bottom: 4, left: 8 }}
    >
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ec" />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#4f5b6b" }} interval={0} />
      <YAxis tick={{ fontSize: 11, fill: "#4f5b6b" }} width={60} />
      <ReferenceLine y={0} stroke="#8a94a3" />
      <Tooltip
        formatter={(_value, _name, item) => [
          Number((item.payload as { value: number }).value).toLocaleString(undefined, { maximumFractionDigits: 2 }),
          valueLabel,
        ]}
      />
      <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
      <Bar dataKey="span" stackId="w" isAnimationActive={false} name={valueLabel}>
        {data.map((entry) => (
          <Cell key={entry.label} fill={entry.isTotal ? "#14263b" : entry.value >= 0 ? "#1d7a5a" : "#a61b1b"} />
        ))}
      </Bar>
    </BarChart>
  );
}
