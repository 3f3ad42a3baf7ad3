"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { formatCount } from "~/i18n/format";

export type SegmentRow = {
  key: string;
  label: string;
  href: string;
  customers: number;
  loanBalanceFen: bigint;
  contributionFen: bigint;
  nplRatioPct: string | null;
  /** The loans behind the segment, when it is a loan-level one (benefit clusters). */
  loansHref?: string;
};

/** The figures behind a segment chart; each segment links to its customers. Rows keep the domain order until sorted. */
export function SegmentTable({ caption, rows }: { caption: string; rows: SegmentRow[] }) {
  const t = useTranslations("dashboard");
  const tLoans = useTranslations("loans");
  const locale = useLocale();
  const money = useMoneyFormat();
  const columns: DataColumn<SegmentRow>[] = [
    {
      id: "segment",
      header: t("segment"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <>
          <Link href={row.original.href}>{row.original.label}</Link>
          {row.original.loansHref ? (
            <>
              {" · "}
              <Link href={row.original.loansHref}>{tLoans("viewLoans")}</Link>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: "customers",
      header: t("customers"),
      accessorFn: (row) => row.customers,
      meta: { isNumeric: true },
      cell: ({ row }) => formatCount(row.original.customers, locale),
    },
    moneyColumn<SegmentRow>({
      id: "loanBalance",
      header: money.withUnit(t("loanBalance")),
      fen: (row) => row.loanBalanceFen,
    }),
    moneyColumn<SegmentRow>({
      id: "contribution",
      header: money.withUnit(t("contribution")),
      fen: (row) => row.contributionFen,
    }),
    rateColumn<SegmentRow>({ id: "npl", header: t("nplRatio"), pct: (row) => row.nplRatioPct }),
  ];
  return <DataTable columns={columns} rows={rows} rowId={(row) => row.key} caption={caption} empty={null} />;
}
