"use client";

import type { FtpCurveSource } from "@creditseg/core";
import type { FtpBucket } from "@creditseg/core/policy";
import { useTranslations } from "next-intl";
import { DataTable, type DataColumn } from "../ui/data-table";
import { formatDate, formatPctPrecise } from "~/i18n/format";

type CurveRow = {
  side: "loan" | "deposit";
  maxTermMonths: number | null;
  /** Annual percent, exact decimal text or number. */
  rate: string | number;
  origin: string;
};

/**
 * The FTP curve that priced a run (or would price a previewed version), bucket by bucket, saying per side whether it
 * is treasury's upload in force at the period start or the policy version's own curve.
 */
export function FtpCurveTable({
  source,
  policyCurve,
  caption,
  testId,
}: {
  source: FtpCurveSource;
  /** The own curve of the version `source` names when a side came from the policy. */
  policyCurve: { loan: FtpBucket[]; deposit: FtpBucket[] } | undefined;
  caption: string;
  testId?: string;
}) {
  const t = useTranslations("policies");
  const rows = (["loan", "deposit"] as const).flatMap((side): CurveRow[] => {
    const sideSource = source[side];
    if (sideSource.kind === "upload")
      return sideSource.buckets.map((bucket) => ({
        side,
        maxTermMonths: bucket.maxTermMonths,
        rate: bucket.ratePct,
        origin: t("ftpFromUpload", { date: formatDate(bucket.effectiveFrom) }),
      }));
    return (policyCurve?.[side] ?? []).map((bucket) => ({
      side,
      maxTermMonths: bucket.maxTermMonths,
      rate: bucket.rate,
      origin: t("ftpFromPolicy", { version: sideSource.policyVersion }),
    }));
  });
  const columns: DataColumn<CurveRow>[] = [
    {
      id: "side",
      header: t("ftpSide"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => (row.original.side === "loan" ? t("ftpLoan") : t("ftpDeposit")),
    },
    {
      id: "maxTerm",
      header: t("maxTerm"),
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) => (row.original.maxTermMonths === null ? t("catchAll") : String(row.original.maxTermMonths)),
    },
    {
      id: "rate",
      header: t("ftpRate"),
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) => formatPctPrecise(row.original.rate),
    },
    { id: "origin", header: t("ftpOrigin"), enableSorting: false, cell: ({ row }) => row.original.origin },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowId={(row) => `${row.side}-${String(row.maxTermMonths)}`}
      caption={`${caption} · ${t("ftpPeriodStart", { date: formatDate(source.periodStart) })}`}
      isCaptionVisible
      empty={null}
      testId={testId}
    />
  );
}
