"use client";

import type { DataColumn } from "./data-table";
import { MoneyCell, RateCell } from "./money-cell";

type Nullable<V> = V | null | undefined;

/** Orders values with missing ones last, whatever the direction is asked of the rest. */
function compareNullable<V extends bigint | number>(a: Nullable<V>, b: Nullable<V>): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A money column in fen, shown in the table unit (the header should name it: `useMoneyFormat().withUnit`). */
export function moneyColumn<T>({
  id,
  header,
  fen,
  isSortable = true,
}: {
  id: string;
  header: string;
  fen: (row: T) => Nullable<bigint>;
  isSortable?: boolean;
}): DataColumn<T> {
  return {
    id,
    header,
    accessorFn: fen,
    enableSorting: isSortable,
    sortingFn: (a, b) => compareNullable(fen(a.original), fen(b.original)),
    cell: ({ row }) => <MoneyCell fen={fen(row.original)} />,
    meta: { isNumeric: true },
  };
}

/** A rate or share column in percent (given as text or number), two decimals unless told. */
export function rateColumn<T>({
  id,
  header,
  pct,
  decimals,
  isSortable = true,
}: {
  id: string;
  header: string;
  pct: (row: T) => Nullable<string | number>;
  decimals?: number | "precise";
  isSortable?: boolean;
}): DataColumn<T> {
  const asNumber = (row: T) => {
    const value = pct(row);
    return value === null || value === undefined || value === "" ? null : Number(value);
  };
  return {
    id,
    header,
    accessorFn: asNumber,
    enableSorting: isSortable,
    sortingFn: (a, b) => compareNullable(asNumber(a.original), asNumber(b.original)),
    cell: ({ row }) => <RateCell pct={pct(row.original)} decimals={decimals} />,
    meta: { isNumeric: true },
  };
}
