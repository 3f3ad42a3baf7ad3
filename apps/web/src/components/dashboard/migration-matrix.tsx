"use client";

import { useLocale, useTranslations } from "next-intl";
import { heatColors } from "../charts/palette";
import { formatCount } from "~/i18n/format";

export type MigrationCell = { from: string | null; to: string | null; customers: number };

/** Customers moving between segments from one run to the next; the diagonal stayed put. */
export function MigrationMatrix({
  cells,
  order,
  label,
  caption,
}: {
  cells: MigrationCell[];
  order: (string | null)[];
  label: (value: string | null) => string;
  caption: string;
}) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const values = [...new Set([...order, ...cells.map((cell) => cell.from), ...cells.map((cell) => cell.to)])];
  const max = Math.max(1, ...cells.map((cell) => cell.customers));
  return (
    <div className="table-wrap">
      <table className="data heat">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("migrationFrom")}</th>
            {values.map((to) => (
              <th key={String(to)} scope="col" className="num">
                {label(to)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((from) => (
            <tr key={String(from)}>
              <th scope="row" style={{ textAlign: "left", fontWeight: 400 }}>
                {label(from)}
              </th>
              {values.map((to) => {
                const count = cells.find((cell) => cell.from === from && cell.to === to)?.customers ?? 0;
                const colors = from === to ? { background: "#eef1f4", color: "#1b2430" } : heatColors(count / max);
                return (
                  <td key={String(to)} style={{ ...colors, fontWeight: from === to ? 600 : 400 }}>
                    {formatCount(count, locale)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
