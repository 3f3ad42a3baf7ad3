"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn, type MoreRows } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import { formatDate } from "~/i18n/format";

/** A loan as the tables show it; `customerId` and `customerName` when the table names each loan's customer. */
export type LoanTableRow = {
  period?: string;
  loanId: string;
  customerId?: string;
  customerName?: string;
  product: string;
  amountFen: bigint;
  avgDailyBalanceFen: bigint;
  ratePct: string;
  termMonths: number;
  startDate: string;
  maturityDate: string;
  guarantee: string;
  classification: string;
};

/**
 * Loans as a table, amounts in the table unit: the loan list (with a customer column linking to the customer) and
 * a customer's page (with the start date) show the same columns the same way.
 */
export function LoansTable({
  loans,
  classificationLabel,
  columns: optional,
  testId,
  caption,
  more,
  isLoading,
  error,
  onRetry,
  empty,
}: {
  loans: readonly LoanTableRow[] | undefined;
  classificationLabel: (value: string) => string;
  columns: { customer?: boolean; start?: boolean };
  testId?: string;
  caption: string;
  more?: MoreRows;
  isLoading?: boolean;
  error?: { message: string } | null;
  onRetry?: () => void;
  empty?: ReactNode;
}) {
  const t = useTranslations("loans");
  const tg = useTranslations("guarantees");
  const money = useMoneyFormat();
  const columns: DataColumn<LoanTableRow>[] = [
    {
      id: "loanId",
      header: t("loanId"),
      accessorFn: (loan) => loan.loanId,
      meta: { isRowHeader: true, className: "nowrap" },
    },
    ...(optional.customer
      ? [
          {
            id: "customer",
            header: t("customer"),
            accessorFn: (loan) => loan.customerName ?? "",
            cell: ({ row }) => (
              <Link href={`/customers/${encodeURIComponent(row.original.customerId ?? "")}`} translate="no">
                {row.original.customerName}
              </Link>
            ),
          } satisfies DataColumn<LoanTableRow>,
        ]
      : []),
    { id: "product", header: t("product"), accessorFn: (loan) => loan.product, meta: { isData: true } },
    moneyColumn<LoanTableRow>({ id: "amount", header: money.withUnit(t("amount")), fen: (loan) => loan.amountFen }),
    moneyColumn<LoanTableRow>({
      id: "balance",
      header: money.withUnit(t("balance")),
      fen: (loan) => loan.avgDailyBalanceFen,
    }),
    rateColumn<LoanTableRow>({ id: "rate", header: t("rate"), pct: (loan) => loan.ratePct }),
    { id: "term", header: t("term"), accessorFn: (loan) => loan.termMonths, meta: { isNumeric: true } },
    ...(optional.start
      ? [
          {
            id: "start",
            header: t("start"),
            accessorFn: (loan) => loan.startDate,
            cell: ({ row }) => formatDate(row.original.startDate),
            meta: { className: "nowrap" },
          } satisfies DataColumn<LoanTableRow>,
        ]
      : []),
    {
      id: "maturity",
      header: t("maturity"),
      accessorFn: (loan) => loan.maturityDate,
      cell: ({ row }) => formatDate(row.original.maturityDate),
      meta: { className: "nowrap" },
    },
    {
      id: "guarantee",
      header: t("guarantee"),
      accessorFn: (loan) => loan.guarantee,
      cell: ({ row }) =>
        tg.has(row.original.guarantee as "credit") ? tg(row.original.guarantee as "credit") : row.original.guarantee,
    },
    {
      id: "classification",
      header: t("classification"),
      accessorFn: (loan) => loan.classification,
      cell: ({ row }) => classificationLabel(row.original.classification),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={loans}
      rowId={(loan) => `${loan.period ?? ""}-${loan.loanId}`}
      caption={caption}
      testId={testId}
      more={more}
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      empty={empty ?? <p>{t("empty")}</p>}
    />
  );
}
