"use client";

import { parseYuanToFen } from "@creditseg/core";
import type { diffPolicies } from "@creditseg/core/policy";
import { useLocale, useTranslations } from "next-intl";
import { useCodeText } from "../codes/use-code-text";
import { DataTable, type DataColumn } from "../ui/data-table";
import { formatAmount } from "~/i18n/format";

export type PolicyChange = ReturnType<typeof diffPolicies>[number];

/** The fields a policy version changes against another, each with its value before and after. */
export function PolicyDiffTable({ changes, testId }: { changes: PolicyChange[]; testId: string }) {
  const t = useTranslations("policies");
  const locale = useLocale();
  const codes = useCodeText();
  const showValue = (path: string, value: unknown) => {
    if (typeof value === "number" && Number.isNaN(value)) return "—";
    if (path.endsWith("minContribution") && typeof value === "number") {
      const fen = parseYuanToFen(String(value));
      return fen === null ? String(value) : formatAmount(fen, locale);
    }
    return JSON.stringify(value);
  };
  const columns: DataColumn<PolicyChange>[] = [
    {
      id: "path",
      header: t("field"),
      accessorFn: (change) => change.path,
      meta: { isRowHeader: true },
      cell: ({ row }) => codes.policyPath(row.original.path),
    },
    {
      id: "before",
      header: t("before"),
      enableSorting: false,
      cell: ({ row }) => showValue(row.original.path, row.original.before),
    },
    {
      id: "after",
      header: t("after"),
      enableSorting: false,
      cell: ({ row }) => showValue(row.original.path, row.original.after),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={changes}
      rowId={(change) => change.path}
      caption={t("diff")}
      empty={<p className="muted">{t("noChanges")}</p>}
      testId={testId}
    />
  );
}
