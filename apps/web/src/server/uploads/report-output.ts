import type { ImportReport } from "@creditseg/ingest";
import { MAX_RESPONSE_REJECTS, type UploadReportOutput } from "../api/schemas/upload";

/** Where the rejected-rows CSV of an uploaded file's latest check is downloaded. */
export function uploadReportUrl(fileId: string): string {
  return `/api/uploads/${fileId}/report`;
}

/** Where the rejected-rows CSV of a committed batch is downloaded. */
export function batchReportUrl(batchId: string): string {
  return `/api/uploads/batches/${batchId}/report`;
}

/** An ingest report as the API returns it: rejects capped (all of them are in the download), and the download address. */
export function toUploadReportOutput(report: ImportReport, fileId: string): UploadReportOutput {
  const rejectCount = report.fileRejects.length + report.rejects.length;
  const reportUrl =
    rejectCount === 0
      ? null
      : report.status === "committed" && report.batchId
        ? batchReportUrl(report.batchId)
        : uploadReportUrl(fileId);
  return {
    ...report,
    rejects: report.rejects.slice(0, MAX_RESPONSE_REJECTS),
    rejectCount,
    isRejectListTruncated: report.isRejectListTruncated || report.rejects.length > MAX_RESPONSE_REJECTS,
    reportUrl,
  };
}
