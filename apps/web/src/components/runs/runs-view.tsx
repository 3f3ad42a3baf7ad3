"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { MigrationMatrix } from "../dashboard/migration-matrix";
import { useCan } from "../session/me-context";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { EmptyState, QueryView } from "../ui/states";
import { RunStatusBadge } from "./run-status-badge";
import { formatDateTime } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { formText } from "../form-text";

/** Runs: the list with live progress (polled while one is active), and a comparison of any two. */
export function RunsView() {
  const t = useTranslations("runs");
  const tc = useTranslations("common");
  const canStart = useCan("run.start");
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.segmentRun.list.queryOptions({ limit: 100 }),
    // Poll while a run is queued or running, so progress moves without a reload.
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.status === "queued" || run.status === "running") ? 1500 : false,
  });
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
      </div>
      {canStart ? (
        <StartRunForm defaultPeriod={runs.data?.items[0]?.period ?? String(new Date().getFullYear() - 1)} />
      ) : null}
      <section className="panel" aria-labelledby="run-list">
        <h2 id="run-list">{t("title")}</h2>
        <QueryView query={runs}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState>
                <p>{t("empty")}</p>
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="data" data-testid="run-list">
                  <thead>
                    <tr>
                      <th scope="col">{t("id")}</th>
                      <th scope="col">{tc("period")}</th>
                      <th scope="col">{t("policyVersion")}</th>
                      <th scope="col">{tc("status")}</th>
                      <th scope="col">{t("progress")}</th>
                      <th scope="col">{t("started")}</th>
                      <th scope="col">{t("finished")}</th>
                      <th scope="col">{t("seed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((run) => (
                      <tr key={run.id}>
                        <td>
                          <Link href={`/?run=${run.id}`}>#{run.id}</Link>{" "}
                          {run.isCurrent ? <span className="badge info">{t("current")}</span> : null}
                        </td>
                        <td>{run.period}</td>
                        <td>v{run.policyVersion}</td>
                        <td>
                          <RunStatusBadge status={run.status} />
                          {run.error ? <div className="field-error">{run.error}</div> : null}
                        </td>
                        <td>
                          <div className="row">
                            <div
                              className="progress"
                              role="progressbar"
                              aria-valuemin={0}
                              aria-valuemax={100}
                              aria-valuenow={run.progressPct}
                              aria-label={`${t("progress")} #${run.id}`}
                            >
                              <div style={{ width: `${run.progressPct}%` }} />
                            </div>
                            <span className="muted">
                              {run.progressPct}% {run.stage ?? ""}
                            </span>
                          </div>
                        </td>
                        <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                        <td className="nowrap">{formatDateTime(run.finishedAt)}</td>
                        <td>{run.seed}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryView>
      </section>
      {runs.data ? (
        <CompareRuns runIds={runs.data.items.filter((run) => run.status === "succeeded").map((run) => run.id)} />
      ) : null}
    </>
  );
}

function CompareRuns({ runIds }: { runIds: number[] }) {
  const t = useTranslations("runs");
  const [from, setFrom] = useState<number | undefined>(runIds[1] ?? runIds[0]);
  const [to, setTo] = useState<number | undefined>(runIds[0]);
  const [dimension, setDimension] = useState<"tier" | "grade" | "cluster">("tier");
  const trpc = useTRPC();
  const labels = useSegmentLabels();
  const migration = useQuery({
    ...trpc.segment.migration.queryOptions({ fromRunId: from ?? 1, toRunId: to ?? 1, dimension }),
    enabled: from !== undefined && to !== undefined,
  });
  const label = (value: string | null) =>
    value === null ? "—" : dimension === "tier" ? labels.tierLabel(value) : dimension === "grade" ? value : `#${value}`;
  return (
    <section className="panel" aria-labelledby="compare-runs">
      <h2 id="compare-runs">{t("compare")}</h2>
      <div className="filters" style={{ marginBottom: "0.6rem" }}>
        <label className="field">
          <span>{t("from")}</span>
          <select value={from ?? ""} onChange={(event) => setFrom(Number(event.target.value))}>
            {runIds.map((id) => (
              <option key={id} value={id}>
                #{id}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("to")}</span>
          <select value={to ?? ""} onChange={(event) => setTo(Number(event.target.value))}>
            {runIds.map((id) => (
              <option key={id} value={id}>
                #{id}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("dimension")}</span>
          <select
            value={dimension}
            onChange={(event) => setDimension(event.target.value as "tier" | "grade" | "cluster")}
          >
            <option value="tier">{t("dimTier")}</option>
            <option value="grade">{t("dimGrade")}</option>
            <option value="cluster">{t("dimCluster")}</option>
          </select>
        </label>
      </div>
      {from === undefined || to === undefined ? (
        <p className="muted">{t("pickTwo")}</p>
      ) : (
        <QueryView query={migration}>
          {(data) => <MigrationMatrix cells={data.cells} order={[]} label={label} caption={`#${from} → #${to}`} />}
        </QueryView>
      )}
    </section>
  );
}

/** Starts a run of a period with the active policy; the list above follows its progress live. */
function StartRunForm({ defaultPeriod }: { defaultPeriod: string }) {
  const t = useTranslations("runs");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(
    trpc.segmentRun.start.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.segmentRun.list.queryKey() }),
    }),
  );
  const [period, setPeriod] = useState(defaultPeriod);
  const isPeriodValid = /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period.trim());
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
        <div style={{ display: "grid", gap: "0.15rem" }}>
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
          {start.error.message}
        </p>
      ) : null}
      {start.data ? (
        <p role="status" data-testid="run-started">
          {t("started")}: #{start.data.id}
        </p>
      ) : null}
    </form>
  );
}
