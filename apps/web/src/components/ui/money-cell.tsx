"use client";

import { useLocale } from "next-intl";
import { formatAmount, formatPct, formatPctPrecise, formatTableMoney, tableMoneyUnit } from "~/i18n/format";

/** The reader's money formatting, bound to the page's language: tables, headlines and their units. */
export function useMoneyFormat() {
  const locale = useLocale();
  return {
    locale,
    /** An amount with its unit (万元 / 亿元, or CNY m). */
    amount: (fen: bigint | null | undefined, scale?: "wan" | "yi" | "auto") => formatAmount(fen, locale, scale),
    /** A number in the table unit; the header names it. */
    tableNumber: (fen: bigint | null | undefined) => formatTableMoney(fen, locale),
    /** The table unit for headers: 万元 or CNY m. */
    tableUnit: tableMoneyUnit(locale),
    /** A header with the table unit: "贷款余额（万元）" / "Loan balance (CNY m)". */
    withUnit: (label: string) =>
      locale.startsWith("zh") ? `${label}（${tableMoneyUnit(locale)}）` : `${label} (${tableMoneyUnit(locale)})`,
  };
}

/** A money figure in a table cell, in the table unit its column header names. */
export function MoneyCell({ fen }: { fen: bigint | null | undefined }) {
  const money = useMoneyFormat();
  return <>{money.tableNumber(fen)}</>;
}

/** An annual rate in percent ("3.807000" → "3.81%"), two decimals unless told; "precise" keeps up to four. */
export function RateCell({
  pct,
  decimals = 2,
}: {
  pct: string | number | null | undefined;
  decimals?: number | "precise";
}) {
  return <>{decimals === "precise" ? formatPctPrecise(pct) : formatPct(pct, decimals)}</>;
}
