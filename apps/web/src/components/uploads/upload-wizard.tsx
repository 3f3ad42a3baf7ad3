"use client";

import { bankDate, previousYearPeriod } from "@creditseg/core/calendar";
import { IMPORT_KINDS, type ImportKind } from "@creditseg/core/constants";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState, type DragEvent } from "react";
import { DataTable, type DataColumn } from "../ui/data-table";
import { SelectField } from "../ui/select-field";
import { QueryView } from "../ui/states";
import { sendUpload, type StoredUpload } from "./send-upload";
import { formatAmount } from "~/i18n/format";
import { useTRPC } from "~/trpc/react";
import { useColumnLabels } from "./use-column-labels";
import { useRejectReason, type RejectReason } from "./use-reject-reason";
import { useErrorText, type ShownError } from "~/components/ui/error-text";

const PERIODIC_KINDS: readonly ImportKind[] = ["loans", "deposits", "fees", "projects"];
const NO_ID = "00000000-0000-4000-8000-000000000000";
/** How often a queued or running commit job is polled, milliseconds. */
const JOB_POLL_MS = 1_000;
const ENCODINGS = ["utf-8", "gbk", "gb18030"] as const;
type Encoding = (typeof ENCODINGS)[number];

/**
 * The upload flow: drop a file (progress shown), see what was detected (format, encoding, headers
 * and how they map, editable and savable), check it (control totals and rejected rows, downloadable),
 * then commit (a job a worker executes; its progress is polled) or cancel.
 */
export function UploadWizard() {
  const t = useTranslations("uploads");
  const errorText = useErrorText();
  const tc = useTranslations("common");
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>("customers");
  const [period, setPeriod] = useState(previousYearPeriod(bankDate(new Date())));
  const [encoding, setEncoding] = useState<Encoding | "">("");
  const [stored, setStored] = useState<StoredUpload | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [sendError, setSendError] = useState<ShownError | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [isAcceptValid, setAcceptValid] = useState(false);
  const [isDragging, setDragging] = useState(false);

  const readOptions = { ...(encoding ? { encoding } : {}), ...(Object.keys(mapping).length ? { mapping } : {}) };
  const inspection = useQuery({
    ...trpc.upload.inspect.queryOptions({
      fileId: stored?.fileId ?? "00000000-0000-4000-8000-000000000000",
      kind,
      ...readOptions,
      previewRows: 5,
    }),
    enabled: stored !== null,
  });
  const refreshHistory = () => queryClient.invalidateQueries({ queryKey: trpc.upload.list.queryKey() });
  const validate = useMutation(trpc.upload.validate.mutationOptions());
  const commit = useMutation(trpc.upload.commitInBackground.mutationOptions());
  const jobId = commit.data?.id ?? null;
  const job = useQuery({
    ...trpc.upload.importJob.queryOptions({ jobId: jobId ?? NO_ID }),
    enabled: jobId !== null,
    refetchInterval: (query) => (isJobDone(query.state.data?.status) ? false : JOB_POLL_MS),
  });
  const jobStatus = jobId === null ? null : (job.data?.status ?? "queued");
  // A failure is stored as a code with parameters; an ingest refusal names the package's own reason code.
  const renderJobFailure = ({ code, params }: NonNullable<NonNullable<typeof job.data>["failure"]>) => {
    // The reason is one of ingest's codes, each a key of the catalogue; an unknown one reads as unexpected.
    const ingestKey = `jobFailure.ingest.${String(params.reason)}` as "jobFailure.ingest.file_changed";
    if (code === "ingest_refused" && t.has(ingestKey)) return t(ingestKey);
    return t(`jobFailure.${code === "ingest_refused" ? "unexpected_error" : code}`, params);
  };
  const isJobFinished = isJobDone(jobStatus ?? undefined);
  useEffect(() => {
    if (isJobFinished) void refreshHistory();
    // refreshHistory is recreated each render; the history is refreshed once per finished job.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isJobFinished, jobId]);
  const isCommitting = commit.isPending || (jobId !== null && !isJobFinished);
  const commitReport = job.data?.report ?? null;
  const report = commitReport ?? validate.data;
  const request = () => ({
    fileId: stored!.fileId,
    kind,
    ...(PERIODIC_KINDS.includes(kind) ? { period } : {}),
    ...readOptions,
    isAcceptValid,
  });

  function reset() {
    setStored(null);
    setProgress(null);
    setMapping({});
    setSendError(null);
    validate.reset();
    commit.reset();
  }

  async function receive(file: File | undefined) {
    if (!file) return;
    reset();
    setProgress(0);
    try {
      setStored(await sendUpload(file, setProgress));
    } catch (error) {
      setSendError(error instanceof Error ? error : { message: String(error) });
    } finally {
      setProgress(null);
    }
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    void receive(event.dataTransfer.files[0]);
  }

  const kindLabel = (value: string) =>
    t.has(`kind_${value}` as "kind_loans") ? t(`kind_${value}` as "kind_loans") : value;
  const isCommitted = commitReport?.status === "committed" || commitReport?.status === "duplicate";

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("newUpload")}</h2>
      <div className="filters section-gap">
        <SelectField
          label={t("kind")}
          value={kind}
          onChange={(value) => {
            setKind(value as ImportKind);
            setMapping({});
            validate.reset();
            commit.reset();
          }}
          options={IMPORT_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
        />
        {PERIODIC_KINDS.includes(kind) ? (
          <label className="field">
            <span>{tc("period")}</span>
            <input value={period} onChange={(event) => setPeriod(event.target.value)} size={8} />
          </label>
        ) : null}
        <SelectField
          label={t("encoding")}
          anyLabel={t("detect")}
          value={encoding}
          onChange={(value) => setEncoding(value as Encoding | "")}
          options={ENCODINGS.map((value) => ({ value, label: value.toUpperCase() }))}
        />
        <a className="button" href={`/api/templates/${kind}?format=xlsx`} download>
          {t("template")}
        </a>
      </div>
      <label
        className={`dropzone${isDragging ? " dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{t("drop")}</span>
        <input
          type="file"
          accept=".csv,.txt,.xlsx"
          data-testid="upload-input"
          onChange={(event) => void receive(event.target.files?.[0])}
        />
      </label>
      {progress !== null ? (
        <div className="row small-gap">
          <progress className="progress" aria-label={t("sending")} max={100} value={Math.round(progress * 100)} />
          <span className="muted">{Math.round(progress * 100)}%</span>
        </div>
      ) : null}
      {sendError ? (
        <p role="alert" className="field-error">
          {errorText(sendError)}
        </p>
      ) : null}

      {stored ? (
        <div className="form-gap">
          <h3>
            {stored.name} <span className="muted">({(stored.size / 1024).toFixed(1)} KB)</span>
          </h3>
          <QueryView query={inspection}>
            {(data) => (
              <>
                <dl className="dl" data-testid="upload-detected">
                  <dt>{t("format")}</dt>
                  <dd>{data.table?.format?.toUpperCase() ?? "—"}</dd>
                  <dt>{t("encoding")}</dt>
                  <dd>{data.table?.encoding?.toUpperCase() ?? "—"}</dd>
                  <dt>{t("delimiter")}</dt>
                  <dd>{data.table?.delimiter ? JSON.stringify(data.table.delimiter) : "—"}</dd>
                </dl>
                <FileRejects rejects={data.fileRejects} kind={kind} />
                <MappingEditor
                  kind={kind}
                  headers={data.headers}
                  bound={data.columns}
                  missing={data.missingColumns}
                  previewRows={data.previewRows}
                  onChange={(header, column) =>
                    setMapping((current) => ({
                      ...Object.fromEntries(data.columns.map((c) => [c.header, c.column])),
                      ...current,
                      [header]: column,
                    }))
                  }
                />
              </>
            )}
          </QueryView>
          <div className="row small-gap">
            <label className="row">
              <input
                type="checkbox"
                checked={isAcceptValid}
                onChange={(event) => setAcceptValid(event.target.checked)}
              />
              {t("acceptValid")}
            </label>
            <button
              type="button"
              disabled={validate.isPending || isCommitting || isCommitted}
              onClick={() => {
                commit.reset();
                validate.mutate(request());
              }}
            >
              {t("check")}
            </button>
            <button
              type="button"
              className="primary"
              disabled={isCommitting || isCommitted || !validate.data}
              onClick={() => commit.mutate(request())}
            >
              {t("commit")}
            </button>
            <button type="button" onClick={reset}>
              {tc("cancel")}
            </button>
          </div>
          {(validate.error ?? commit.error ?? job.error) ? (
            <p role="alert" className="field-error">
              {(validate.error ?? commit.error ?? job.error)?.message}
            </p>
          ) : null}
          {jobStatus === "queued" || jobStatus === "running" ? (
            <p className="hint" role="status" data-testid="commit-progress">
              {jobStatus === "queued" ? t("commitQueued") : t("commitRunning", { rows: job.data?.rowsProcessed ?? 0 })}
            </p>
          ) : null}
          {jobStatus === "failed" ? (
            <p role="alert" className="field-error">
              {t("commitFailed", { reason: job.data?.failure ? renderJobFailure(job.data.failure) : "" })}
            </p>
          ) : null}
          {report ? <UploadReport report={report} isAcceptValid={isAcceptValid} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function FileRejects({ rejects, kind }: { rejects: RejectReason[]; kind: string | null | undefined }) {
  const reasonOf = useRejectReason(kind);
  if (rejects.length === 0) return null;
  return (
    <ul className="field-error" role="alert">
      {rejects.map((reject, index) => (
        <li key={`${reject.code}-${index}`}>{reasonOf(reject)}</li>
      ))}
    </ul>
  );
}

/** How each header binds to a column of the kind; each binding can be changed and the layout saved by name. */
function MappingEditor({
  kind,
  headers,
  bound,
  missing,
  previewRows,
  onChange,
}: {
  kind: ImportKind;
  headers: string[];
  bound: { header: string; column: string }[];
  missing: string[];
  previewRows: string[][];
  onChange: (header: string, column: string) => void;
}) {
  const t = useTranslations("uploads");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const save = useMutation(trpc.upload.mappings.save.mutationOptions());
  const columnLabels = useColumnLabels(kind);
  // Every column of the kind in its template order, then any bound column it does not list.
  const columns = [
    ...new Set([
      ...columnLabels.columns.map((column) => column.name),
      ...bound.map((binding) => binding.column),
      ...missing,
    ]),
  ];
  const current = Object.fromEntries(bound.map((binding) => [binding.header, binding.column]));
  const mappingColumns: DataColumn<{ header: string; index: number }>[] = [
    { id: "header", header: t("header"), accessorFn: (row) => row.header },
    {
      id: "column",
      header: t("column"),
      enableSorting: false,
      cell: ({ row }) => (
        <SelectField
          label={`${t("column")}: ${row.original.header}`}
          isLabelHidden
          anyLabel={t("unmapped")}
          value={current[row.original.header] ?? ""}
          onChange={(column) => onChange(row.original.header, column)}
          options={columns.map((column) => ({ value: column, label: columnLabels.label(column) }))}
        />
      ),
    },
    {
      id: "example",
      header: t("example"),
      enableSorting: false,
      cell: ({ row }) => <span className="muted">{previewRows[0]?.[row.original.index] ?? ""}</span>,
    },
  ];
  return (
    <div className="small-gap">
      <h4>{t("mapping")}</h4>
      {missing.length ? (
        <p className="field-error">
          {t("missingColumns", { columns: missing.map((column) => columnLabels.label(column)).join(", ") })}
        </p>
      ) : null}
      <DataTable
        columns={mappingColumns}
        rows={headers.map((header, index) => ({ header, index }))}
        rowId={(row) => `${row.header}-${row.index}`}
        caption={t("mapping")}
        empty={null}
      />
      <div className="row small-gap">
        <label className="field">
          <span>{t("mappingName")}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
        </label>
        <button
          type="button"
          disabled={!name.trim() || save.isPending}
          onClick={() => save.mutate({ name: name.trim(), kind, mapping: current })}
        >
          {t("saveMapping")}
        </button>
        {save.isSuccess ? <span role="status">{t("mappingSaved")}</span> : null}
        {save.error ? (
          <span role="alert" className="field-error">
            {errorText(save.error)}
          </span>
        ) : null}
      </div>
    </div>
  );
}

type Report = {
  status: string;
  kind: string;
  rejects: {
    rowNumber: number | null;
    column: string | null;
    value: string | null;
    code: string;
    params: RejectReason["params"];
  }[];
  fileRejects: RejectReason[];
  rejectCount: number;
  isRejectListTruncated: boolean;
  totals: {
    rowsRead: number;
    rowsAccepted: number;
    rowsRejected: number;
    totalReadFen: bigint;
    totalAcceptedFen: bigint;
    totalRejectedFen: bigint;
    expectedTotalFen: bigint | null;
    isExpectedTotalMatched: boolean | null;
  };
  isDryRun: boolean;
  batchId: string | null;
  changes: { inserted: number; updated: number; deleted: number } | null;
  reportUrl: string | null;
};

/** The validation (or commit) report: control totals, then the rejected rows with their reasons. */
function UploadReport({ report, isAcceptValid }: { report: Report; isAcceptValid: boolean }) {
  const t = useTranslations("uploads");
  const ts = useTranslations("uploadStatus");
  const locale = useLocale();
  const validRows = report.totals.rowsRead - report.totals.rowsRejected;
  const columnLabels = useColumnLabels(report.kind);
  const reasonOf = useRejectReason(report.kind);
  const rejectColumns: DataColumn<Report["rejects"][number]>[] = [
    {
      id: "row",
      header: t("row"),
      accessorFn: (reject) => reject.rowNumber ?? 0,
      meta: { isNumeric: true },
      cell: ({ row }) => row.original.rowNumber ?? "—",
    },
    {
      id: "column",
      header: t("column"),
      accessorFn: (reject) => reject.column ?? "—",
      cell: ({ row }) => columnLabels.label(row.original.column),
    },
    { id: "value", header: t("value"), enableSorting: false, cell: ({ row }) => row.original.value ?? "" },
    {
      id: "problem",
      header: t("problem"),
      enableSorting: false,
      cell: ({ row }) => reasonOf(row.original),
    },
  ];
  return (
    <div className="form-gap" data-testid="upload-report">
      <p>
        <span
          className={`badge ${report.status === "committed" || report.status === "validated" ? "ok" : report.status === "rejected" ? "danger" : "warn"}`}
        >
          {ts.has(report.status as "validated") ? ts(report.status as "validated") : report.status}
        </span>{" "}
        {report.isDryRun ? t("dryRun") : null}
        {report.changes ? ` · ${t("changes", report.changes)}` : null}
      </p>
      <dl className="dl">
        <dt>{t("rows")}</dt>
        <dd>{report.totals.rowsRead}</dd>
        <dt>{t("accepted")}</dt>
        <dd>{report.totals.rowsAccepted}</dd>
        <dt>{t("rejected")}</dt>
        <dd>{report.totals.rowsRejected}</dd>
        <dt>{t("controlTotal")}</dt>
        <dd data-testid="control-totals">
          {t.has(`controlTotalOf_${report.kind}` as "controlTotalOf_loans") ? (
            <>
              <div>
                {t("controlTotalParts", {
                  read: formatAmount(report.totals.totalReadFen, locale),
                  accepted: formatAmount(report.totals.totalAcceptedFen, locale),
                  rejected: formatAmount(report.totals.totalRejectedFen, locale),
                })}
              </div>
              <div className="muted">{t(`controlTotalOf_${report.kind}` as "controlTotalOf_loans")}</div>
              {report.totals.expectedTotalFen !== null ? (
                <div className={report.totals.isExpectedTotalMatched ? "" : "field-error"}>
                  {t(report.totals.isExpectedTotalMatched ? "controlTotalMatched" : "controlTotalMismatch", {
                    expected: formatAmount(report.totals.expectedTotalFen, locale),
                  })}
                </div>
              ) : null}
            </>
          ) : (
            <span className="muted">{t("controlTotalNone")}</span>
          )}
        </dd>
      </dl>
      {report.status === "rejected" && !isAcceptValid && report.fileRejects.length === 0 && validRows > 0 ? (
        <p className="hint" role="status" data-testid="commit-blocked-hint">
          {t("blockedHint", { valid: validRows, rejected: report.totals.rowsRejected })}
        </p>
      ) : null}
      <FileRejects rejects={report.fileRejects} kind={report.kind} />
      {report.rejects.length > 0 ? (
        <>
          <h4>
            {t("rejects")} ({report.rejectCount})
          </h4>
          <DataTable
            columns={rejectColumns}
            rows={report.rejects}
            rowId={(reject) => `${reject.rowNumber}-${reject.column}-${reject.code}-${reject.value}`}
            caption={t("rejects")}
            empty={null}
            pageSize={50}
            testId="upload-rejects"
          />
          {report.reportUrl ? (
            <a className="button small-gap" href={report.reportUrl} download>
              {t("downloadRejects")}
            </a>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function isJobDone(status: string | undefined): boolean {
  return status === "succeeded" || status === "failed";
}
