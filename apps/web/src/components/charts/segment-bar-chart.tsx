"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { chartValueFormat, type ChartValueKind } from "./chart-format";
import { pickColor } from "./palette";

export type SegmentBar = { label: string; value: number; href?: string };

/**
 * One bar per segment; selecting a bar follows its drill-down link. The same figures are shown in a
 * table next to every chart, so the chart is a visual aid, not the only way to read them.
 */
export function SegmentBarChart({
  data,
  valueLabel,
  onSelect,
  kind = "count",
}: {
  data: SegmentBar[];
  valueLabel: string;
  /** What the values are: counts, yuan (money: axis in 万 / 亿 or m), or percentages. */
  kind?: ChartValueKind;
  onSelect?: (bar: SegmentBar) => void;
}) {
  const format = chartValueFormat(kind, useLocale());
  // More than four bars (the NPL chart's tiers and grades) do not fit their names side by side in a narrow panel.
  const isCrowded = data.length > 4;
  return (
    <BarChart responsive className="chart-box chart-sm" data={data} margin={{ top: 8, right: 8, bottom: 4, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e7ec" />
      <XAxis
        dataKey="label"
        tick={{ fontSize: 11, fill: "#4f5b6b" }}
        interval={0}
        {...(isCrowded ? { angle: -35, textAnchor: "end", height: 52 } : {})}
      />
      <YAxis tick={{ fontSize: 11, fill: "#4f5b6b" }} width={56} tickFormatter={format.tick} />
      <Tooltip formatter={(value) => [format.full(Number(value)), valueLabel]} />
      <Bar
        dataKey="value"
        name={valueLabel}
        fill={pickColor(0)}
        isAnimationActive={false}
        cursor={onSelect ? "pointer" : undefined}
        onClick={(entry) => {
          const bar = data.find((item) => item.label === (entry as { payload?: SegmentBar }).payload?.label);
          if (bar && onSelect) onSelect(bar);
        }}
      />
    </BarChart>
  );
}
