"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { heatColors } from "../charts/palette";
import { DataTable, type DataColumn } from "../ui/data-table";
import { formatCount } from "~/i18n/format";

export type MigrationCell = { from: string | null; to: string | null; customers: number };

type MatrixRow = { from: string | null; counts: Map<string | null, number> };

/**
 * Customers moving between segments from one run to the next; the diagonal stayed put. With `hrefFor`, every
 * non-empty cell is a link (mouse and keyboard) to the list of its customers.
 */
export function MigrationMatrix({
  cells,
  order,
  label,
  caption,
  hrefFor,
}: {
  cells: MigrationCell[];
  order: (string | null)[];
  label: (value: string | null) => string;
  caption: string;
  /** The list behind a cell; undefined for a cell that has none. */
  hrefFor?: (from: string | null, to: string | null) => string | undefined;
}) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const values = [...new Set([...order, ...cells.map((cell) => cell.from), ...cells.map((cell) => cell.to)])];
  const max = Math.max(1, ...cells.map((cell) => cell.customers));
  const rows: MatrixRow[] = values.map((from) => ({
    from,
    counts: new Map(cells.filter((cell) => cell.from === from).map((cell) => [cell.to, cell.customers])),
  }));
  const columns: DataColumn<MatrixRow>[] = [
    {
      id: "from",
      header: t("migrationFrom"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => label(row.original.from),
    },
    ...values.map((to): DataColumn<MatrixRow> => ({
      id: `to-${String(to)}`,
      header: label(to),
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) => {
        const count = row.original.counts.get(to) ?? 0;
        const isStay = row.original.from === to;
        const href = count > 0 ? hrefFor?.(row.original.from, to) : undefined;
        return (
          <span
            className={isStay ? "heat-cell stay" : "heat-cell"}
            style={isStay ? undefined : heatColors(count / max)}
          >
            {href ? (
              <Link
                href={href}
                aria-label={t("migrationCell", { from: label(row.original.from), to: label(to), count })}
                data-count={count}
              >
                {formatCount(count, locale)}
              </Link>
            ) : (
              formatCount(count, locale)
            )}
          </span>
        );
      },
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowId={(row) => String(row.from)}
      caption={caption}
      isCaptionVisible
      variant="heat"
      empty={null}
    />
  );
}
