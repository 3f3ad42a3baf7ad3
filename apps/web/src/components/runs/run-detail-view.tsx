"use client";

import { GRADES } from "@creditseg/core/constants";
import { parsePolicy } from "@creditseg/core/policy";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { customersHref } from "../customers/customer-filter-params";
import { FtpCurveTable } from "../policies/ftp-curve-table";
import { useCan } from "../session/me-context";
import { readTierNames, sortByTierOrder } from "../segments/tier-order";
import { useSegmentLabels } from "../segments/use-segment-labels";
import { DataTable, type DataColumn } from "../ui/data-table";
import { QueryView } from "../ui/states";
import { ACTIVE_RUN_POLL_MS, isRunActive, RunProgressCell } from "./run-progress";
import { readRunSummary, type RunSummaryFacts } from "./run-summary";
import { RunStatusBadge } from "./run-status-badge";
import { formatCount, formatDate, formatDateTime } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";
import { RunFailureText } from "./run-failure-text";

type Run = inferRouterOutputs<AppRouter>["segmentRun"]["byId"];
type Batch = NonNullable<Run["inputs"]>["batches"][number];

/**
 * A run's page: who started it and when, the policy version, the inputs it read with their checksums, the FTP curve
 * that priced it, how long each stage took, the sample k was chosen on and the result counts. Polls while it runs.
 */
export function RunDetailView({ runId }: { runId: number }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.segmentRun.byId.queryOptions({ runId }),
    refetchInterval: (query) => (query.state.data && isRunActive(query.state.data.status) ? ACTIVE_RUN_POLL_MS : false),
  });
  return <QueryView query={run}>{(data) => <RunDetail run={data} />}</QueryView>;
}

function RunDetail({ run }: { run: Run }) {
  const t = useTranslations("runs");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const canReadPolicy = useCan("policy.read");
  const policy = useQuery({
    ...trpc.policy.byVersion.queryOptions({ version: run.policyVersion }),
    enabled: canReadPolicy,
  });
  const parsed = policy.data ? parsePolicy(policy.data.document) : null;
  const facts = readRunSummary(run.summary);
  return (
    <>
      <div className="page-head">
        <h1>{t("detail", { id: run.id })}</h1>
        <div className="row">
          <RunStatusBadge status={run.status} />
          {run.isCurrent ? <span className="badge info">{t("current")}</span> : null}
          {run.status === "succeeded" ? (
            <>
              <Link href={`/?run=${run.id}`}>{t("openDashboard")}</Link>
              <Link href={customersHref({ runId: run.id })}>{t("openCustomers")}</Link>
            </>
          ) : null}
        </div>
      </div>
      <section className="panel" aria-labelledby="run-facts">
        <h2 id="run-facts">{t("facts")}</h2>
        <dl className="dl" data-testid="run-facts">
          <dt>{tc("period")}</dt>
          <dd>{run.period}</dd>
          <dt>{t("startedBy")}</dt>
          <dd translate="no">{run.startedByName ?? "—"}</dd>
          <dt>{t("created")}</dt>
          <dd>{formatDateTime(run.createdAt)}</dd>
          <dt>{t("started")}</dt>
          <dd>{formatDateTime(run.startedAt)}</dd>
          <dt>{t("finished")}</dt>
          <dd>{formatDateTime(run.finishedAt)}</dd>
          <dt>{t("policyVersion")}</dt>
          <dd>
            v{run.policyVersion}
            {policy.data ? (
              <>
                {" · "}
                <span translate="no">{policy.data.name}</span>
              </>
            ) : null}
          </dd>
          <dt>{t("seed")}</dt>
          <dd>{run.seed}</dd>
          <dt>{t("asOf")}</dt>
          <dd>{formatDate(run.asOfDate)}</dd>
          <dt>{t("codeVersion")}</dt>
          <dd>
            <code>{run.codeVersion}</code>
          </dd>
          <dt>{t("checksum")}</dt>
          <dd>
            <code className="break">{run.resultChecksum ?? "—"}</code>
          </dd>
          {run.inputs ? (
            <>
              <dt>{t("dataChecksum")}</dt>
              <dd>
                <code className="break">{run.inputs.dataChecksum}</code>
              </dd>
              <dt>{t("previousRun")}</dt>
              <dd>
                {run.inputs.previousRunId === null ? (
                  "—"
                ) : (
                  <Link href={`/runs/${run.inputs.previousRunId}`}>#{run.inputs.previousRunId}</Link>
                )}
              </dd>
              <dt>{t("overridesCarried")}</dt>
              <dd>{formatCount(run.inputs.overrideIds.length)}</dd>
            </>
          ) : null}
          {run.failure || run.error ? (
            <>
              <dt>{t("error")}</dt>
              <dd className="field-error">
                <RunFailureText failure={run.failure} error={run.error} />
              </dd>
            </>
          ) : null}
        </dl>
        {isRunActive(run.status) ? (
          <div className="form-gap">
            <RunProgressCell run={run} />
          </div>
        ) : null}
      </section>
      {run.inputs ? <RunInputs inputs={run.inputs} /> : null}
      {run.ftpSource ? (
        <section className="panel" aria-labelledby="run-ftp">
          <h2 id="run-ftp">{t("ftpUsed")}</h2>
          <FtpCurveTable
            source={run.ftpSource}
            policyCurve={parsed?.ok ? parsed.policy.ftp : undefined}
            caption={t("ftpUsed")}
            testId="run-ftp"
          />
        </section>
      ) : null}
      <div className="grid-2 section-gap">
        <RunTimings timings={facts.timingsMs} />
        <RunClustering clustering={facts.clustering} />
      </div>
      {facts.results ? (
        <RunResults results={facts.results} tierOrder={readTierNames(policy.data?.document)} runId={run.id} />
      ) : null}
    </>
  );
}

function RunInputs({ inputs }: { inputs: NonNullable<Run["inputs"]> }) {
  const t = useTranslations("runs");
  const locale = useLocale();
  const columns: DataColumn<Batch>[] = [
    {
      id: "kind",
      header: t("batchKind"),
      accessorFn: (batch) => batch.kind,
      cell: ({ row }) => <UploadKindName kind={row.original.kind} />,
      meta: { isRowHeader: true },
    },
    { id: "fileName", header: t("batchFile"), accessorFn: (batch) => batch.fileName },
    {
      id: "checksum",
      header: t("batchChecksum"),
      enableSorting: false,
      cell: ({ row }) => <code className="break">{row.original.checksum}</code>,
    },
    {
      id: "committedAt",
      header: t("batchCommitted"),
      accessorFn: (batch) => batch.committedAt ?? "",
      cell: ({ row }) => formatDateTime(row.original.committedAt),
      meta: { className: "nowrap" },
    },
  ];
  const counts = inputs.counts;
  return (
    <section className="panel" aria-labelledby="run-inputs">
      <h2 id="run-inputs">{t("inputs")}</h2>
      <p className="muted" data-testid="run-input-counts">
        {t("inputCounts", {
          customers: formatCount(counts.customers, locale),
          loans: formatCount(counts.loans, locale),
          deposits: formatCount(counts.deposits, locale),
          fees: formatCount(counts.fees, locale),
          projects: formatCount(counts.projects, locale),
        })}
      </p>
      <DataTable
        columns={columns}
        rows={inputs.batches}
        rowId={(batch) => batch.id}
        caption={t("inputs")}
        empty={<p className="muted">{t("noBatches")}</p>}
        testId="run-inputs"
      />
    </section>
  );
}

function RunTimings({ timings }: { timings: RunSummaryFacts["timingsMs"] }) {
  const t = useTranslations("runs");
  const locale = useLocale();
  const columns: DataColumn<(typeof timings)[number]>[] = [
    {
      id: "stage",
      header: t("stage"),
      enableSorting: false,
      meta: { isRowHeader: true },
      cell: ({ row }) => <StageName stage={row.original.stage} />,
    },
    {
      id: "seconds",
      header: t("seconds"),
      enableSorting: false,
      meta: { isNumeric: true },
      cell: ({ row }) =>
        (row.original.ms / 1000).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    },
  ];
  return (
    <section className="panel" aria-labelledby="run-timings">
      <h2 id="run-timings">{t("timings")}</h2>
      <DataTable
        columns={columns}
        rows={timings}
        rowId={(row) => row.stage}
        caption={t("timings")}
        empty={<p className="muted">—</p>}
        testId="run-timings"
      />
    </section>
  );
}

/** A stage's name: a top-level stage in words, a sub-step (`loading.loans`) as its stage then the input it read. */
function StageName({ stage }: { stage: string }) {
  const t = useTranslations("runStage");
  const [head, ...rest] = stage.split(".");
  const name = head && t.has(head as "loading") ? t(head as "loading") : head;
  if (rest.length === 0) return <>{name}</>;
  const step = rest.join(".");
  // Loading steps are the inputs read (loans, fees …); writing steps are what the run stored.
  const stepKey = `steps.${step}` as "steps.checksum";
  return (
    <>
      {name} · {head === "loading" ? <UploadKindName kind={step} /> : t.has(stepKey) ? t(stepKey) : step}
    </>
  );
}

/** An input kind (loans, fees, ftp …) by the name the upload pages give it. */
function UploadKindName({ kind }: { kind: string }) {
  const t = useTranslations("uploads");
  const key = `kind_${kind}` as "kind_loans";
  return <>{t.has(key) ? t(key) : kind}</>;
}

function RunClustering({ clustering }: { clustering: RunSummaryFacts["clustering"] }) {
  const t = useTranslations("runs");
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="run-clustering">
      <h2 id="run-clustering">{t("clustering")}</h2>
      {clustering === null ? (
        <p className="muted">—</p>
      ) : clustering.skippedReason ? (
        <p className="muted">{t("clusteringSkipped")}</p>
      ) : (
        <dl className="dl" data-testid="run-clustering">
          <dt>{t("chosenK")}</dt>
          <dd>{clustering.k ?? "—"}</dd>
          <dt>{t("selectionSample")}</dt>
          <dd>{clustering.selectionSampleSize === null ? "—" : formatCount(clustering.selectionSampleSize, locale)}</dd>
          <dt>{t("silhouetteSample")}</dt>
          <dd>
            {clustering.silhouetteSampleSize === null ? "—" : formatCount(clustering.silhouetteSampleSize, locale)}
          </dd>
          <dt>{t("restarts")}</dt>
          <dd>{clustering.restarts ?? "—"}</dd>
          <dt>{t("seed")}</dt>
          <dd>{clustering.seed ?? "—"}</dd>
        </dl>
      )}
    </section>
  );
}

function RunResults({
  results,
  tierOrder,
  runId,
}: {
  results: NonNullable<RunSummaryFacts["results"]>;
  tierOrder: readonly string[];
  runId: number;
}) {
  const t = useTranslations("runs");
  const locale = useLocale();
  const labels = useSegmentLabels();
  const tiers = sortByTierOrder(Object.keys(results.tierCounts), (tier) => tier, tierOrder);
  const grades = GRADES.filter((grade) => grade in results.gradeCounts);
  return (
    <section className="panel" aria-labelledby="run-results">
      <h2 id="run-results">{t("results")}</h2>
      <dl className="dl" data-testid="run-results">
        <dt>{t("resultCustomers")}</dt>
        <dd>{formatCount(results.customerCount, locale)}</dd>
        <dt>{t("resultLoans")}</dt>
        <dd>{formatCount(results.loanCount, locale)}</dd>
        <dt>{t("resultTiers")}</dt>
        <dd>
          {tiers.map((tier, index) => (
            <span key={tier}>
              {index > 0 ? " · " : ""}
              <Link href={customersHref({ runId, tiers: [tier] })}>
                {labels.tierLabel(tier)} {formatCount(results.tierCounts[tier], locale)}
              </Link>
            </span>
          ))}
        </dd>
        <dt>{t("resultGrades")}</dt>
        <dd>
          {grades.map((grade, index) => (
            <span key={grade}>
              {index > 0 ? " · " : ""}
              <Link href={customersHref({ runId, grades: [grade] })}>
                {grade} {formatCount(results.gradeCounts[grade], locale)}
              </Link>
            </span>
          ))}
        </dd>
        <dt>{t("resultGroups")}</dt>
        <dd>{formatCount(results.projectGroupCount, locale)}</dd>
        <dt>{t("resultWarnings")}</dt>
        <dd>{formatCount(results.warningCount, locale)}</dd>
        <dt>{t("overridesApplied")}</dt>
        <dd>{formatCount(results.overridesApplied, locale)}</dd>
      </dl>
    </section>
  );
}
