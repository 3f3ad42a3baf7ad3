import { formatAxisMoney, formatChartMoney, formatCount, formatPct } from "~/i18n/format";

/** What a chart's values are: counts, yuan (money, geometry only) or percentages. */
export type ChartValueKind = "count" | "money" | "pct";

/** A chart's tick and tooltip formatters for its kind of value in the reader's language: no raw "8000000" on an axis. */
export function chartValueFormat(
  kind: ChartValueKind,
  locale: string,
): {
  tick: (value: number) => string;
  full: (value: number) => string;
} {
  switch (kind) {
    case "money":
      return { tick: (value) => formatAxisMoney(value, locale), full: (value) => formatChartMoney(value, locale) };
    case "pct":
      return { tick: (value) => formatPct(value, 1), full: (value) => formatPct(value) };
    case "count":
      return { tick: (value) => formatCount(value, locale), full: (value) => formatCount(value, locale) };
  }
}
