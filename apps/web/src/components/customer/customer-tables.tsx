"use client";

import type { ContributionLine } from "@creditseg/engine";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useFeatureFormat } from "../clusters/feature-format";
import { useCodeText } from "../codes/use-code-text";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import type { FactorPoints, FeatureSummary } from "./run-explanations";
import { formatDate } from "~/i18n/format";

/** Every account's contribution as the run priced it (its stored lines), so a figure can be recomputed by hand. */
export function FormulaTable({ lines, basis }: { lines: ContributionLine[]; basis: number | null }) {
  const t = useTranslations("customer");
  const money = useMoneyFormat();
  if (lines.length === 0) return <p className="muted">{t("contributionLinesMissing")}</p>;
  const sideLabel = (kind: string) =>
    kind === "loan" ? t("sideLoan") : kind === "deposit" ? t("sideDeposit") : t("sideFee");
  const columns: DataColumn<ContributionLine>[] = [
    {
      id: "side",
      header: t("side"),
      accessorFn: (line) => line.accountKind,
      cell: ({ row }) => sideLabel(row.original.accountKind),
    },
    {
      id: "account",
      header: t("account"),
      accessorFn: (line) => line.accountId,
      meta: { isRowHeader: true, className: "nowrap" },
    },
    moneyColumn<ContributionLine>({
      id: "balance",
      header: money.withUnit(t("balance")),
      fen: (line) => line.balanceFen,
    }),
    rateColumn<ContributionLine>({
      id: "rate",
      header: t("rate"),
      pct: (line) => (line.accountKind === "fee" ? null : line.ratePct),
      decimals: "precise",
    }),
    {
      id: "ftpBucket",
      header: t("ftpBucket"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) =>
        row.original.ftpRatePct === null
          ? "—"
          : row.original.ftpMaxTermMonths === null
            ? t("bucketOpen")
            : t("bucketUpTo", { months: row.original.ftpMaxTermMonths }),
    },
    rateColumn<ContributionLine>({ id: "ftp", header: t("ftp"), pct: (line) => line.ftpRatePct, decimals: "precise" }),
    rateColumn<ContributionLine>({ id: "tax", header: t("tax"), pct: (line) => line.taxRatePct }),
    { id: "days", header: t("days"), accessorFn: (line) => line.days, meta: { isNumeric: true } },
    moneyColumn<ContributionLine>({ id: "result", header: money.withUnit(t("result")), fen: (line) => line.resultFen }),
  ];
  return (
    <>
      <p className="muted">{t("formulaNote", { basis: basis ?? 360 })}</p>
      <DataTable
        columns={columns}
        rows={lines}
        rowId={(line) => `${line.accountKind}-${line.accountId}`}
        caption={t("formula")}
        empty={null}
        pageSize={25}
      />
    </>
  );
}

/** The scorecard's points per factor, in the scorecard's order. */
export function GradePointsTable({ points }: { points: FactorPoints[] }) {
  const t = useTranslations("customer");
  const codes = useCodeText();
  const columns: DataColumn<FactorPoints>[] = [
    {
      id: "factor",
      header: t("factor"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => {
        const key = `factor_${row.original.factor}`;
        return t.has(key as "factor_size") ? t(key as "factor_size") : row.original.factor;
      },
    },
    {
      id: "value",
      header: t("value"),
      enableSorting: false,
      cell: ({ row }) => codes.factorValue(row.original.factor, row.original.value),
    },
    {
      id: "bin",
      header: t("bin"),
      enableSorting: false,
      cell: ({ row }) => codes.scoreBin(row.original.factor, row.original.value, row.original.bin),
    },
    { id: "points", header: t("points"), accessorFn: (point) => point.points, meta: { isNumeric: true } },
  ];
  return (
    <DataTable
      columns={columns}
      rows={points}
      rowId={(point) => point.factor}
      caption={t("gradePoints")}
      empty={null}
    />
  );
}

/** A cluster's feature summary in the reader's units (amounts in 万元 / CNY m, rates in %). */
export function ClusterFeaturesTable({ features }: { features: [string, FeatureSummary][] }) {
  const t = useTranslations("customer");
  const tClusters = useTranslations("clusters");
  const format = useFeatureFormat();
  const columns: DataColumn<[string, FeatureSummary]>[] = [
    {
      id: "factor",
      header: t("factor"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => {
        const key = `featureName_${row.original[0]}`;
        return tClusters.has(key as "featureName_rate") ? tClusters(key as "featureName_rate") : row.original[0];
      },
    },
    {
      id: "median",
      header: tClusters("median"),
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) => format.full(row.original[0], row.original[1].median),
    },
    {
      id: "mean",
      header: tClusters("mean"),
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) => format.full(row.original[0], row.original[1].mean),
    },
  ];
  return (
    <DataTable columns={columns} rows={features} rowId={([name]) => name} caption={t("clusterProfile")} empty={null} />
  );
}

export type TimelineEntry = {
  runId: number;
  period: string;
  tier: string;
  grade: string;
  /** The segment in force in that run (an override carried into it), beside the computed one when they differ. */
  effectiveTier: string;
  effectiveGrade: string;
  cluster: number | null;
  contributionFen: bigint;
};

/** The customer's segment in every finished run, newest first; each run opens the customer as of that run. */
export function TimelineTable({
  customerId,
  entries,
  tierLabel,
}: {
  customerId: string;
  entries: TimelineEntry[];
  tierLabel: (tier: string) => string;
}) {
  const t = useTranslations("customer");
  const tc = useTranslations("common");
  const money = useMoneyFormat();
  const columns: DataColumn<TimelineEntry>[] = [
    {
      id: "run",
      header: tc("run"),
      accessorFn: (entry) => entry.runId,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <Link href={`/customers/${encodeURIComponent(customerId)}?run=${row.original.runId}`}>
          #{row.original.runId}
        </Link>
      ),
    },
    { id: "period", header: tc("period"), accessorFn: (entry) => entry.period },
    {
      id: "tier",
      header: t("tier"),
      enableSorting: false,
      cell: ({ row }) => (
        <>
          {tierLabel(row.original.effectiveTier)}
          {row.original.effectiveTier !== row.original.tier ? (
            <span className="muted"> {t("computedBeside", { value: tierLabel(row.original.tier) })}</span>
          ) : null}
        </>
      ),
    },
    {
      id: "grade",
      header: t("grade"),
      enableSorting: false,
      cell: ({ row }) => (
        <>
          {row.original.effectiveGrade}
          {row.original.effectiveGrade !== row.original.grade ? (
            <span className="muted"> {t("computedBeside", { value: row.original.grade })}</span>
          ) : null}
        </>
      ),
    },
    {
      id: "cluster",
      header: t("cluster"),
      enableSorting: false,
      cell: ({ row }) => (row.original.cluster === null ? "—" : `#${row.original.cluster}`),
    },
    moneyColumn<TimelineEntry>({
      id: "total",
      header: money.withUnit(t("total")),
      fen: (entry) => entry.contributionFen,
    }),
  ];
  return (
    <DataTable
      columns={columns}
      rows={entries}
      rowId={(entry) => String(entry.runId)}
      caption={t("timeline")}
      empty={<p className="muted">{t("noTimeline")}</p>}
      pageSize={20}
    />
  );
}

export type Deposit = {
  accountId: string;
  product: string;
  avgDailyBalanceFen: bigint;
  ratePct: string;
  termMonths: number;
  days: number;
};

export function DepositsTable({ deposits }: { deposits: Deposit[] }) {
  const t = useTranslations("customer");
  const td = useTranslations("depositProducts");
  const money = useMoneyFormat();
  const columns: DataColumn<Deposit>[] = [
    {
      id: "account",
      header: t("account"),
      accessorFn: (deposit) => deposit.accountId,
      meta: { isRowHeader: true, className: "nowrap" },
    },
    {
      id: "product",
      header: t("product"),
      accessorFn: (deposit) => deposit.product,
      cell: ({ row }) =>
        td.has(row.original.product as "demand") ? td(row.original.product as "demand") : row.original.product,
    },
    moneyColumn<Deposit>({ id: "balance", header: money.withUnit(t("balance")), fen: (d) => d.avgDailyBalanceFen }),
    rateColumn<Deposit>({ id: "rate", header: t("rate"), pct: (deposit) => deposit.ratePct }),
    { id: "term", header: t("term"), accessorFn: (deposit) => deposit.termMonths, meta: { isNumeric: true } },
  ];
  return (
    <DataTable
      columns={columns}
      rows={deposits}
      rowId={(deposit) => deposit.accountId}
      caption={t("deposits")}
      empty={<p className="muted">{t("noAccounts")}</p>}
      pageSize={25}
    />
  );
}

export type Fee = { lineKey: string; type: string; amountFen: bigint; date: string };

export function FeesTable({ fees }: { fees: Fee[] }) {
  const t = useTranslations("customer");
  const money = useMoneyFormat();
  const columns: DataColumn<Fee>[] = [
    {
      id: "date",
      header: t("date"),
      accessorFn: (fee) => fee.date,
      meta: { className: "nowrap" },
      cell: ({ row }) => formatDate(row.original.date),
    },
    { id: "type", header: t("feeType"), accessorFn: (fee) => fee.type, meta: { isData: true } },
    moneyColumn<Fee>({ id: "amount", header: money.withUnit(t("amount")), fen: (fee) => fee.amountFen }),
  ];
  return (
    <DataTable
      columns={columns}
      rows={fees}
      rowId={(fee) => fee.lineKey}
      caption={t("fees")}
      empty={<p className="muted">{t("noAccounts")}</p>}
      pageSize={25}
    />
  );
}

export type Project = {
  projectId: string;
  name: string;
  industry: string;
  region: string;
  loanAmountFen: bigint;
  riskLevel: string;
  status: string;
  overdueDays: number;
  isDowngraded: boolean;
};

export function CustomerProjectsTable({ projects }: { projects: Project[] }) {
  const t = useTranslations("customer");
  const tc = useTranslations("common");
  const codes = useCodeText();
  const money = useMoneyFormat();
  const columns: DataColumn<Project>[] = [
    {
      id: "name",
      header: t("projectName"),
      accessorFn: (project) => project.name,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <>
          <span translate="no">{row.original.name}</span> <span className="muted">{row.original.projectId}</span>
        </>
      ),
    },
    {
      id: "riskLevel",
      header: t("riskLevel"),
      accessorFn: (project) => project.riskLevel,
      cell: ({ row }) => codes.riskLevel(row.original.riskLevel),
    },
    {
      id: "status",
      header: tc("status"),
      accessorFn: (project) => project.status,
      cell: ({ row }) => codes.projectStatus(row.original.status),
    },
    moneyColumn<Project>({ id: "loanAmount", header: money.withUnit(t("loanAmount")), fen: (p) => p.loanAmountFen }),
    { id: "overdueDays", header: t("overdueDays"), accessorFn: (p) => p.overdueDays, meta: { isNumeric: true } },
    {
      id: "downgraded",
      header: t("downgraded"),
      accessorFn: (project) => project.isDowngraded,
      cell: ({ row }) => (row.original.isDowngraded ? tc("yes") : tc("no")),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={projects}
      rowId={(project) => project.projectId}
      caption={t("projects")}
      empty={<p className="muted">{t("noAccounts")}</p>}
    />
  );
}
