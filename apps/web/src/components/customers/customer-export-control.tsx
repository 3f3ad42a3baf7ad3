"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useErrorText } from "~/components/ui/error-text";
import { formatCount } from "~/i18n/format";
import type { AppRouter } from "~/server/api/root";
import { useTRPC } from "~/trpc/react";

type ExportRequest = inferRouterInputs<AppRouter>["customerExport"]["request"];
type ExportJob = inferRouterOutputs<AppRouter>["customerExport"]["byId"];

/** How often a running export is polled, milliseconds. */
const POLL_MS = 1_000;
const NO_JOB = "00000000-0000-4000-8000-000000000000";

const isDone = (status: ExportJob["status"] | undefined) => status === "succeeded" || status === "failed";

/** A file size for people: KB under a megabyte, else MB with one decimal. */
function formatSize(bytes: number, locale: string): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return bytes < 1024 * 1024 ? `${format(Math.max(1, bytes / 1024), 0)} KB` : `${format(bytes / 1024 / 1024, 1)} MB`;
}

/**
 * The list's export buttons. An export is a job: the click queues it with the list's filters and order, the page
 * follows its rows as a worker writes them, and the browser downloads the file once it is written (the link stays
 * for a second download until the file expires).
 */
export function CustomerExportControl({ request }: { request: Omit<ExportRequest, "format"> }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const start = useMutation(trpc.customerExport.request.mutationOptions());
  const jobId = start.data?.id ?? null;
  const job = useQuery({
    ...trpc.customerExport.byId.queryOptions({ jobId: jobId ?? NO_JOB }),
    enabled: jobId !== null,
    refetchInterval: (query) => (isDone(query.state.data?.status) ? false : POLL_MS),
  });
  const shown = job.data ?? start.data;
  const downloaded = useRef<string | null>(null);
  useEffect(() => {
    // Download once per finished export, as a plain navigation to the attachment (the page stays).
    if (shown?.downloadUrl && downloaded.current !== shown.id) {
      downloaded.current = shown.id;
      window.location.assign(shown.downloadUrl);
    }
  }, [shown?.downloadUrl, shown?.id]);
  const isBusy = start.isPending || (shown !== undefined && !isDone(shown.status));
  const failureText = (failure: NonNullable<ExportJob["failure"]>) =>
    t(`exportFailure.${failure.code}`, {
      ...failure.params,
      rows: formatCount(Number(failure.params.rows ?? 0), locale),
      limit: formatCount(Number(failure.params.limit ?? 0), locale),
    });

  return (
    <div className="row">
      <button
        type="button"
        className="button"
        disabled={isBusy}
        onClick={() => start.mutate({ ...request, format: "csv" })}
      >
        {t("exportCsv")}
      </button>
      <button
        type="button"
        className="button"
        disabled={isBusy}
        onClick={() => start.mutate({ ...request, format: "xlsx" })}
      >
        {t("exportXlsx")}
      </button>
      {start.error || job.error ? (
        <span role="alert" className="field-error">
          {errorText(start.error ?? job.error)}
        </span>
      ) : null}
      {shown && !isDone(shown.status) ? (
        <span className="hint" role="status" data-testid="export-progress">
          {shown.totalRows === null
            ? t("exportQueued")
            : t("exportRunning", {
                written: formatCount(shown.rowsWritten, locale),
                total: formatCount(shown.totalRows, locale),
              })}
        </span>
      ) : null}
      {shown?.status === "succeeded" && shown.downloadUrl ? (
        <span className="hint" role="status" data-testid="export-ready">
          {t("exportReady", { name: shown.fileName ?? "", size: formatSize(shown.size ?? 0, locale) })}{" "}
          <a href={shown.downloadUrl} download>
            {t("exportDownload")}
          </a>
        </span>
      ) : null}
      {shown?.status === "failed" && shown.failure ? (
        <span role="alert" className="field-error">
          {failureText(shown.failure)}
        </span>
      ) : null}
    </div>
  );
}
