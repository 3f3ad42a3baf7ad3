"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { formatDate, formatWanNumber } from "~/i18n/format";

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
 * Loans as a table, amounts in 万元: the loan list (with a customer column linking to the customer) and a
 * customer's page (with the start date) show the same columns the same way.
 */
export function LoansTable({
  loans,
  classificationLabel,
  columns,
  testId,
}: {
  loans: readonly LoanTableRow[];
  classificationLabel: (value: string) => string;
  columns: { customer?: boolean; start?: boolean };
  testId?: string;
}) {
  const t = useTranslations("loans");
  const tg = useTranslations("guarantees");
  return (
    <div className="table-wrap">
      <table className="data" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("loanId")}</th>
            {columns.customer ? <th scope="col">{t("customer")}</th> : null}
            <th scope="col">{t("product")}</th>
            <th scope="col" className="num">
              {t("amount")} (万元)
            </th>
            <th scope="col" className="num">
              {t("balance")} (万元)
            </th>
            <th scope="col" className="num">
              {t("rate")}
            </th>
            <th scope="col" className="num">
              {t("term")}
            </th>
            {columns.start ? <th scope="col">{t("start")}</th> : null}
            <th scope="col">{t("maturity")}</th>
            <th scope="col">{t("guarantee")}</th>
            <th scope="col">{t("classification")}</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => (
            <tr key={`${loan.period ?? ""}-${loan.loanId}`}>
              <td className="nowrap">{loan.loanId}</td>
              {columns.customer ? (
                <td>
                  <Link href={`/customers/${encodeURIComponent(loan.customerId ?? "")}`}>{loan.customerName}</Link>
                </td>
              ) : null}
              <td>{loan.product}</td>
              <td className="num">{formatWanNumber(loan.amountFen)}</td>
              <td className="num">{formatWanNumber(loan.avgDailyBalanceFen)}</td>
              <td className="num">{loan.ratePct}</td>
              <td className="num">{loan.termMonths}</td>
              {columns.start ? <td className="nowrap">{formatDate(loan.startDate)}</td> : null}
              <td className="nowrap">{formatDate(loan.maturityDate)}</td>
              <td>{tg.has(loan.guarantee as "credit") ? tg(loan.guarantee as "credit") : loan.guarantee}</td>
              <td>{classificationLabel(loan.classification)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
