"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { formatCount, formatPct, formatWanNumber } from "~/i18n/format";

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

/** The figures behind a segment chart; each segment links to its customers. */
export function SegmentTable({ caption, rows }: { caption: string; rows: SegmentRow[] }) {
  const t = useTranslations("dashboard");
  const tLoans = useTranslations("loans");
  const locale = useLocale();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("segment")}</th>
            <th scope="col" className="num">
              {t("customers")}
            </th>
            <th scope="col" className="num">
              {t("loanBalance")}
            </th>
            <th scope="col" className="num">
              {t("contribution")}
            </th>
            <th scope="col" className="num">
              {t("nplRatio")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" style={{ fontWeight: 400, textAlign: "left" }}>
                <Link href={row.href}>{row.label}</Link>
                {row.loansHref ? (
                  <>
                    {" · "}
                    <Link href={row.loansHref}>{tLoans("viewLoans")}</Link>
                  </>
                ) : null}
              </th>
              <td className="num">{formatCount(row.customers, locale)}</td>
              <td className="num">{formatWanNumber(row.loanBalanceFen)}</td>
              <td className="num">{formatWanNumber(row.contributionFen)}</td>
              <td className="num">{formatPct(row.nplRatioPct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
