"use client";

import { bankDate, isPeriodCode, previousYearPeriod } from "@creditseg/core/calendar";
import { GRADES } from "@creditseg/core/constants";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { clusterFilterOf, customersHref, isGrade, NO_CLUSTER } from "../customers/customer-filter-params";
import { MigrationMatrix } from "../dashboard/migration-matrix";
import { useCan } from "../session/me-context";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { readTierNames } from "../segments/tier-order";
import { DataTable, type DataColumn } from "../ui/data-table";
import { SelectField } from "../ui/select-field";
import { QueryView } from "../ui/states";
import { ACTIVE_RUN_POLL_MS, isRunActive, RunProgressCell } from "./run-progress";
import { comparableRunIds, defaultComparison, RUN_LIST_INPUT } from "./run-list-input";
import { RunStatusBadge } from "./run-status-badge";
import { formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";
import { RunFailureText } from "./run-failure-text";
import { useErrorText } from "~/components/ui/error-text";

type RunRow = inferRouterOutputs<AppRouter>["segmentRun"]["list"]["items"][number];

/** Runs: the list with live progress (polled while one is active), and a comparison of any two. */
export function RunsView() {
  const t = useTranslations("runs");
  const tc = useTranslations("common");
  const canStart = useCan("run.start");
  const canCancel = useCan("run.cancel");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cancel = useMutation(
    trpc.segmentRun.cancel.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.segmentRun.list.queryKey() }),
    }),
  );
  const runs = useQuery({
    ...trpc.segmentRun.list.queryOptions(RUN_LIST_INPUT),
    // Poll while a run is queued or running, so progress moves without a reload.
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => isRunActive(run.status)) ? ACTIVE_RUN_POLL_MS : false,
  });
  const columns: DataColumn<RunRow>[] = [
    {
      id: "id",
      header: t("id"),
      accessorFn: (run) => run.id,
      meta: { isRowHeader: true },
      cell: ({ row }) => (
        <>
          <Link href={`/runs/${row.original.id}`} aria-label={`${t("openDetail")} #${row.original.id}`}>
            #{row.original.id}
          </Link>{" "}
          {row.original.isCurrent ? <span className="badge info">{t("current")}</span> : null}
        </>
      ),
    },
    { id: "period", header: tc("period"), accessorFn: (run) => run.period },
    {
      id: "policyVersion",
      header: t("policyVersion"),
      accessorFn: (run) => run.policyVersion,
      cell: ({ row }) => `v${row.original.policyVersion}`,
    },
    {
      id: "status",
      header: tc("status"),
      accessorFn: (run) => run.status,
      cell: ({ row }) => (
        <>
          <RunStatusBadge status={row.original.status} />
          {row.original.cancelledBy ? (
            <div className="field-error">{t("cancelled")}</div>
          ) : row.original.failure || row.original.error ? (
            <div className="field-error">
              <RunFailureText failure={row.original.failure} error={row.original.error} />
            </div>
          ) : null}
        </>
      ),
    },
    {
      id: "progress",
      header: t("progress"),
      enableSorting: false,
      cell: ({ row }) => <RunProgressCell run={row.original} />,
    },
    {
      id: "started",
      header: t("started"),
      accessorFn: (run) => run.startedAt,
      cell: ({ row }) => formatDateTime(row.original.startedAt),
      meta: { className: "nowrap" },
    },
    {
      id: "finished",
      header: t("finished"),
      accessorFn: (run) => run.finishedAt ?? "",
      cell: ({ row }) => formatDateTime(row.original.finishedAt),
      meta: { className: "nowrap" },
    },
    { id: "seed", header: t("seed"), accessorFn: (run) => run.seed },
    ...(canCancel
      ? [
          {
            id: "actions",
            header: t("actions"),
            enableSorting: false,
            cell: ({ row }) =>
              row.original.status === "queued" || row.original.status === "running" ? (
                <button
                  type="button"
                  className="button secondary"
                  disabled={cancel.isPending}
                  aria-label={t("cancelRun", { id: row.original.id })}
                  onClick={() => cancel.mutate({ runId: row.original.id })}
                >
                  {t("cancel")}
                </button>
              ) : null,
          } satisfies DataColumn<RunRow>,
        ]
      : []),
  ];
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
      </div>
      {canStart ? (
        <StartRunForm defaultPeriod={runs.data?.items[0]?.period ?? previousYearPeriod(bankDate(new Date()))} />
      ) : null}
      <section className="panel" aria-labelledby="run-list">
        <h2 id="run-list">{t("title")}</h2>
        <DataTable
          columns={columns}
          rows={runs.data?.items}
          rowId={(run) => String(run.id)}
          caption={t("title")}
          isLoading={runs.isPending}
          error={runs.error}
          onRetry={() => void runs.refetch()}
          empty={<p>{t("empty")}</p>}
          pageSize={20}
          testId="run-list"
        />
      </section>
      {runs.data ? <CompareRuns runIds={comparableRunIds(runs.data.items)} /> : null}
    </>
  );
}

/**
 * Compares two finished runs. Until the user picks, it compares the run before the latest with the latest (newest
 * first in `runIds`), and follows new runs as they finish.
 */
function CompareRuns({ runIds }: { runIds: number[] }) {
  const t = useTranslations("runs");
  const [pickedFrom, setFrom] = useState<number | undefined>();
  const [pickedTo, setTo] = useState<number | undefined>();
  const first = defaultComparison(runIds);
  const from = pickedFrom ?? first.from;
  const to = pickedTo ?? first.to;
  const [dimension, setDimension] = useState<"tier" | "grade" | "cluster">("tier");
  const trpc = useTRPC();
  const labels = useSegmentLabels();
  const migration = useQuery({
    ...trpc.segment.migration.queryOptions({ fromRunId: from ?? 1, toRunId: to ?? 1, dimension }),
    enabled: from !== undefined && to !== undefined,
  });
  const activePolicy = useQuery(trpc.policy.active.queryOptions());
  const runOptions = runIds.map((id) => ({ value: String(id), label: `#${id}` }));
  // Tiers in the policy's rule order and grades AAA first, not alphabetically.
  const order: (string | null)[] =
    dimension === "tier"
      ? readTierNames(activePolicy.data?.document)
      : dimension === "grade"
        ? [...GRADES]
        : orderClusters(migration.data?.cells ?? []);
  const label = (value: string | null) =>
    value === null ? "—" : dimension === "tier" ? labels.tierLabel(value) : dimension === "grade" ? value : `#${value}`;
  return (
    <section className="panel" aria-labelledby="compare-runs">
      <h2 id="compare-runs">{t("compare")}</h2>
      <div className="filters section-gap">
        <SelectField
          label={t("from")}
          value={from === undefined ? "" : String(from)}
          onChange={(value) => setFrom(Number(value))}
          options={runOptions}
        />
        <SelectField
          label={t("to")}
          value={to === undefined ? "" : String(to)}
          onChange={(value) => setTo(Number(value))}
          options={runOptions}
        />
        <SelectField
          label={t("dimension")}
          value={dimension}
          onChange={(value) => setDimension(value as "tier" | "grade" | "cluster")}
          options={[
            { value: "tier", label: t("dimTier") },
            { value: "grade", label: t("dimGrade") },
            { value: "cluster", label: t("dimCluster") },
          ]}
        />
      </div>
      {from === undefined || to === undefined ? (
        <p className="muted">{t("pickTwo")}</p>
      ) : (
        <QueryView query={migration}>
          {(data) => (
            <MigrationMatrix
              cells={data.cells}
              order={order}
              label={label}
              caption={`#${from} → #${to}`}
              hrefFor={(was, now) => migrationHref({ fromRunId: from, toRunId: to, dimension, was, now })}
            />
          )}
        </QueryView>
      )}
    </section>
  );
}

/** Cluster labels in number order, then earlier clusters without a match, then customers without loans (null). */
function orderClusters(cells: { from: string | null; to: string | null }[]): (string | null)[] {
  const labels = [...new Set(cells.flatMap((cell) => [cell.from, cell.to]))];
  const rank = (label: string | null) => (label === null ? Infinity : /^\d+$/.test(label) ? Number(label) : 1e9);
  return labels.sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

/**
 * The customer list behind a compare cell: the earlier run's label as the matrix has it (a cluster matched by
 * centroid, `none` without loans), the later side as the list's own filter (a cluster, or no cluster).
 */
function migrationHref(args: {
  fromRunId: number;
  toRunId: number;
  dimension: "tier" | "grade" | "cluster";
  was: string | null;
  now: string | null;
}): string | undefined {
  const { fromRunId, toRunId, dimension, was, now } = args;
  const migration = { fromRunId, dimension, from: [was ?? NO_CLUSTER] };
  if (dimension === "cluster")
    return customersHref({ runId: toRunId, ...clusterFilterOf(now === null ? null : Number(now)), migration });
  if (now === null) return undefined;
  if (dimension === "tier") return customersHref({ runId: toRunId, tiers: [now], migration });
  return isGrade(now) ? customersHref({ runId: toRunId, grades: [now], migration }) : undefined;
}

/** Starts a run of a period with the active policy; the list above follows its progress live. */
function StartRunForm({ defaultPeriod }: { defaultPeriod: string }) {
  const t = useTranslations("runs");
  const errorText = useErrorText();
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(
    trpc.segmentRun.start.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.segmentRun.list.queryKey() }),
    }),
  );
  const [period, setPeriod] = useState(defaultPeriod);
  const isPeriodValid = isPeriodCode(period.trim());
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isPeriodValid) return;
    const seedText = formText(new FormData(event.currentTarget), "seed").trim();
    start.mutate({ period: period.trim(), ...(seedText ? { seed: Number(seedText) } : {}) });
  }
  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="start-run" noValidate>
      <h2 id="start-run">{t("start")}</h2>
      <div className="filters">
        <div className="field-stack">
          <label className="field">
            <span>{tc("period")}</span>
            <input
              name="period"
              value={period}
              onChange={(event) => setPeriod(event.target.value)}
              size={8}
              aria-invalid={isPeriodValid ? undefined : true}
              aria-describedby={isPeriodValid ? undefined : "run-period-error"}
            />
          </label>
          {isPeriodValid ? null : (
            <span id="run-period-error" className="field-error">
              {t("periodHint")}
            </span>
          )}
        </div>
        <label className="field">
          <span>{t("seed")}</span>
          <input name="seed" type="number" min={0} step={1} size={6} placeholder={t("seedDefault")} />
        </label>
        <button type="submit" className="primary" disabled={start.isPending || !isPeriodValid}>
          {t("start")}
        </button>
      </div>
      {start.error ? (
        <p role="alert" className="field-error">
          {errorText(start.error)}
        </p>
      ) : null}
      {start.data ? (
        <p role="status" data-testid="run-started">
          {t("startedAt", { id: start.data.id, time: formatDateTime(start.data.createdAt) })}{" "}
          <Link href={`/runs/${start.data.id}`}>{t("openDetail")}</Link>
        </p>
      ) : null}
    </form>
  );
}
