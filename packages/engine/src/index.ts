export { assertPermission, type Actor } from "./actor";
export { ENGINE_ERROR_CODES, EngineError, type EngineErrorCode } from "./errors/engine-error";
export { readCodeVersion } from "./code-version";
export { ENGINE_AUDIT_ACTIONS, type EngineAuditAction } from "./audit/write-audit";
export { loadPeriodData, type LoadProgress, type PeriodData } from "./load/load-period-data";
export { readContributionTotals, type ContributionTotal } from "./load/contribution-totals";

export {
  getPolicyVersion,
  listPolicyVersions,
  type PolicyVersion,
  type PolicyVersionSummary,
} from "./policies/policy-queries";
export {
  approvePolicyVersion,
  createPolicyDraft,
  diffPolicyVersion,
  rejectPolicyVersion,
  submitPolicyDraft,
  updatePolicyDraft,
  validatePolicyDocument,
} from "./policies/policy-workflow";
export {
  listCustomersChangedByPolicy,
  previewPolicyImpact,
  type PolicyImpact,
  type TierTotals,
  type WarningChange,
} from "./policies/preview-impact";
export {
  PREVIEW_FAILURE_CODES,
  executePolicyPreview,
  markDeadPolicyPreviews,
  previewRefusalOf,
  readPolicyPreview,
  requestPolicyPreview,
  type PolicyPreviewJob,
  type PreviewFailure,
} from "./policies/preview-jobs";

export { startRun, type StartedRun, type StartRunArgs } from "./runs/start-run";
export type { RunOutcome, RunProgress, RunStage } from "./runs/execute-run";
export {
  findCurrentRun,
  getRun,
  listRuns,
  type RunInputs,
  type SegmentRun,
  type SegmentRunDetail,
} from "./runs/run-queries";
export { DEFAULT_STALE_AFTER_MINUTES, markDeadRuns } from "./runs/mark-dead-runs";
export {
  listProjectSignals,
  readContributionLines,
  type ContributionLine,
  type ProjectSignalRow,
} from "./runs/run-details";
export { periodStartOf, previewFtpCurve, type PeriodFtpCurve } from "./runs/ftp-curve-for-period";
export { bankToday, systemClock, type Clock } from "./clock";
export { computeResultChecksum, verifyRunChecksum } from "./runs/result-checksum";

export {
  approveOverride,
  confirmSegment,
  expireOverrides,
  getOverride,
  listOverrides,
  proposeOverride,
  rejectOverride,
  type Override,
  type OverrideField,
  type ProposeOverrideArgs,
} from "./overrides/override-workflow";

export { getCustomerTimeline, type TimelineEntry } from "./history/customer-timeline";
export {
  compareRuns,
  listMigratedCustomerIds,
  type MigrationDimension,
  type RunComparison,
} from "./history/compare-runs";
export { compareRunWarnings, type GroupWarningComparison } from "./history/compare-warnings";
export {
  compareGroupWarnings,
  readProjectGrouping,
  readProjectGroupHistory,
  type GroupHistoryPoint,
  type GroupWarningChange,
  type RunProjectGrouping,
} from "./queries/project-grouping";
export { listRunsPage, readRunForCaller, type RunForCaller } from "./queries/run-for-caller";
export { readRunExport, type RunExportRow } from "./export/read-run-export";
export {
  EXPORT_FAILURE_CODES,
  EXPORT_TTL_MS,
  MAX_EXPORT_ROWS,
  executeExportJob,
  markDeadExportJobs,
  openCustomerExportFile,
  queueCustomerExport,
  readCustomerExport,
  type CustomerExportJob,
  type CustomerExportRequest,
  type ExportFailure,
} from "./export/customer-export-jobs";
export {
  createTableWriter,
  EXPORT_HEADERS,
  type CustomerExportFormat,
  type ExportColumn,
  type TableWriter,
} from "./export/customer-export-format";
export { resolveCustomerFilter, type CustomerSelection } from "./queries/resolve-customer-filter";
export { readRunSummary } from "./queries/stored-summary";
export {
  listTopContributorIds,
  readPortfolioSummary,
  type NplFigures,
  type ParetoPoint,
  type PortfolioSummary,
  type SegmentFigures,
} from "./queries/portfolio-summary";
export { readCustomerDetail, type CustomerDetail } from "./queries/customer-detail";
export { readMigrationCells, type MigrationCell } from "./queries/migration-cells";
export {
  findCustomerGroupNo,
  listCustomerGroupMembers,
  listCustomerGroups,
  listFoundProjectGroups,
  listGroupFits,
  type CustomerGroupRow,
  type FoundProjectGroupRow,
  type GroupFitRow,
} from "./groups/group-queries";

export { queueRun, type QueueRunArgs } from "./runs/queue-run";
export { cancelRun } from "./runs/cancel-run";
export {
  executeImportJob,
  markDeadImportJobs,
  queueFileImport,
  queueImportCommit,
  readImportJob,
  type ImportJob,
  type ImportJobOptions,
  type ImportJobStatus,
} from "./imports/import-jobs";
export { RUN_FAILURE_CODES, type RunFailure, type RunFailureCode } from "./runs/run-failure";
export {
  IMPORT_JOB_FAILURE_CODES,
  type ImportJobFailure,
  type ImportJobFailureCode,
} from "./imports/import-job-failure";
export { executeQueuedRun } from "./runs/execute-queued-run";
export { JOB_KINDS, jobSubjectOf, type Job, type JobQueue } from "./jobs/job-queue";
export { createInProcessQueue, type InProcessQueue } from "./jobs/in-process-queue";
export { tuneWorkerHeap } from "./jobs/tune-worker-heap";
export {
  createPostgresQueue,
  dropJobQueue,
  migrateJobQueue,
  startJobWorker,
  type JobWorker,
  type WorkerOptions,
} from "./jobs/postgres-queue";
export {
  readCustomerGroup,
  readCustomerGroups,
  readFoundGroupHistory,
  readFoundProjectGroups,
  readGroupOfCustomer,
  type CustomerGroupView,
  type FoundGroupHistoryPoint,
  type FoundProjectGroupView,
} from "./groups/group-views";
