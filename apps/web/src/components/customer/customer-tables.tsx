"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useFeatureFormat } from "../clusters/feature-format";
import { moneyColumn, rateColumn } from "../ui/columns";
import { DataTable, type DataColumn } from "../ui/data-table";
import { useMoneyFormat } from "../ui/money-cell";
import type { FactorPoints, FeatureSummary } from "./run-explanations";
import { formatDate } from "~/i18n/format";

export type AccountRow = {
  side: "loan" | "deposit";
  accountId: string;
  avgDailyBalanceFen: bigint;
  ratePct: string;
  termMonths: number;
  days: number;
  ftp: { bucketIndex: number; maxTermMonths: number | null; ratePct: string };
  taxRatePct: string | null;
  dayCountBasis: number;
  marginPct: string;
  contributionFen: bigint;
};

/** Every account's contribution with the inputs behind it, so a figure can be recomputed by hand. */
export function FormulaTable({ accounts }: { accounts: AccountRow[] }) {
  const t = useTranslations("customer");
  const money = useMoneyFormat();
  if (accounts.length === 0) return <p className="muted">{t("contributionPolicyMissing")}</p>;
  const basis = accounts[0]?.dayCountBasis ?? 360;
  const columns: DataColumn<AccountRow>[] = [
    {
      id: "side",
      header: t("side"),
      accessorFn: (account) => account.side,
      cell: ({ row }) => (row.original.side === "loan" ? t("sideLoan") : t("sideDeposit")),
    },
    {
      id: "account",
      header: t("account"),
      accessorFn: (account) => account.accountId,
      meta: { isRowHeader: true, className: "nowrap" },
    },
    moneyColumn<AccountRow>({
      id: "balance",
      header: money.withUnit(t("balance")),
      fen: (account) => account.avgDailyBalanceFen,
    }),
    rateColumn<AccountRow>({ id: "rate", header: t("rate"), pct: (account) => account.ratePct, decimals: "precise" }),
    { id: "term", header: t("term"), accessorFn: (account) => account.termMonths, meta: { isNumeric: true } },
    {
      id: "ftpBucket",
      header: t("ftpBucket"),
      enableSorting: false,
      meta: { className: "nowrap" },
      cell: ({ row }) =>
        row.original.ftp.maxTermMonths === null
          ? t("bucketOpen")
          : t("bucketUpTo", { months: row.original.ftp.maxTermMonths }),
    },
    rateColumn<AccountRow>({ id: "ftp", header: t("ftp"), pct: (account) => account.ftp.ratePct, decimals: "precise" }),
    rateColumn<AccountRow>({ id: "tax", header: t("tax"), pct: (account) => account.taxRatePct }),
    { id: "days", header: t("days"), accessorFn: (account) => account.days, meta: { isNumeric: true } },
    rateColumn<AccountRow>({
      id: "margin",
      header: t("margin"),
      pct: (account) => account.marginPct,
      decimals: "precise",
    }),
    moneyColumn<AccountRow>({
      id: "result",
      header: money.withUnit(t("result")),
      fen: (account) => account.contributionFen,
    }),
  ];
  return (
    <>
      <p className="muted">{t("formulaNote", { basis })}</p>
      <DataTable
        columns={columns}
        rows={accounts}
        rowId={(account) => `${account.side}-${account.accountId}`}
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
    { id: "value", header: t("value"), enableSorting: false, cell: ({ row }) => row.original.value ?? "—" },
    { id: "bin", header: t("bin"), enableSorting: false, accessorFn: (point) => point.bin },
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
  cluster: number | null;
  overrideTier: string | null;
  overrideGrade: string | null;
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
      cell: ({ row }) => tierLabel(row.original.overrideTier ?? row.original.tier),
    },
    {
      id: "grade",
      header: t("grade"),
      enableSorting: false,
      cell: ({ row }) => row.original.overrideGrade ?? row.original.grade,
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
    { id: "type", header: t("feeType"), accessorFn: (fee) => fee.type },
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
  const money = useMoneyFormat();
  const columns: DataColumn<Project>[] = [
    {
      id: "name",
      header: t("projectName"),
      accessorFn: (project) => project.name,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <>
          {row.original.name} <span className="muted">{row.original.projectId}</span>
        </>
      ),
    },
    { id: "riskLevel", header: t("riskLevel"), accessorFn: (project) => project.riskLevel },
    { id: "status", header: tc("status"), accessorFn: (project) => project.status },
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
