import type { ClusterLabel } from "@creditseg/core/clustering";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, failure, fen, ratePct } from "./_columns";
import { classificationEnum, gradeEnum, runStatusEnum } from "./enums";
import { policies } from "./policies";
import { users } from "./users";

/**
 * A segment run (细分批次): one policy version applied to one period's data as loaded.
 * Results are never overwritten; `isCurrent` marks the run views read by default.
 */
export const segmentRuns = pgTable(
  "segment_runs",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    period: text().notNull(),
    policyVersion: integer()
      .notNull()
      .references(() => policies.version),
    status: runStatusEnum().notNull().default("queued"),
    seed: integer().notNull().default(0),
    codeVersion: text().notNull(),
    /** Import batches (id, kind, checksum) the run read, for reproducibility. */
    inputs: jsonb()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The bank's business date (Asia/Shanghai unless configured) the run used for overrides in force; null before it was recorded. */
    asOfDate: date(),
    /** Which FTP curve priced the run: uploaded batch ids per side and term bucket, or the policy version's own curve. */
    ftpSource: jsonb(),
    /** Hash of all stored results, to prove two runs identical. */
    resultChecksum: text(),
    stage: text(),
    progressPct: integer().notNull().default(0),
    /** Steps of the current stage done and planned (k-means restarts while segmenting); null when the stage counts none. */
    stageStepsDone: integer(),
    stageStepsTotal: integer(),
    /** Operators' detail of a failure (the exception's message); users read `failure`. */
    error: text(),
    /** Why the run failed, as a code with parameters the screens render in the reader's language. */
    failure: failure(),
    isCurrent: boolean().notNull().default(false),
    /** Portfolio figures: NPL by segment, concentration, totals, tier × cluster table, timings by stage. */
    summary: jsonb(),
    startedBy: text().references(() => users.id),
    /** Process id + host of the worker, so a dead worker's run can be marked failed. */
    worker: text(),
    heartbeatAt: timestamp({ withTimezone: true }),
    /** Who cancelled the run (a risk manager), and when; the run is then failed and its results are never kept. */
    cancelledBy: text().references(() => users.id),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.period, t.createdAt),
    uniqueIndex("segment_runs_one_active_per_period_uq")
      .on(t.period)
      .where(sql`status in ('queued', 'running')`),
    uniqueIndex("segment_runs_one_current_per_period_uq")
      .on(t.period)
      .where(sql`is_current`),
  ],
);

/** Per-customer results of a run: contribution breakdown, classification, tier, grade, cluster, recommendation. */
export const segmentResults = pgTable(
  "segment_results",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    customerId: text().notNull(),
    /** Copied from the customer at run time so an officer's scope and history stay as they were. */
    officer: text().notNull(),
    depositContributionFen: fen().notNull(),
    loanContributionFen: fen().notNull(),
    feeIncomeFen: fen().notNull(),
    contributionFen: fen().notNull(),
    loanBalanceFen: fen().notNull(),
    depositBalanceFen: fen().notNull(),
    classification: classificationEnum().notNull(),
    tier: text().notNull(),
    tierTrace: jsonb().notNull(),
    grade: gradeEnum().notNull(),
    gradeScore: numeric({ precision: 10, scale: 2 }).notNull(),
    gradePoints: jsonb().notNull(),
    /** Benefit segment: the cluster holding most of the customer's loan balance; null without loans. */
    cluster: integer(),
    recommendation: jsonb(),
    /** An approved, unexpired override carried into this run. */
    overrideTier: text(),
    overrideGrade: gradeEnum(),
    overrideId: integer(),
    /** What every list, count, chart and export reads: the override's tier when one applied at the run's as-of date, else `tier`. */
    effectiveTier: text().notNull(),
    /** The override's grade when one applied at the run's as-of date, else `grade`. */
    effectiveGrade: gradeEnum().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.customerId] }),
    index().on(t.runId, t.officer),
    index().on(t.runId, t.tier),
    index().on(t.runId, t.grade),
    index().on(t.runId, t.effectiveTier),
    index().on(t.runId, t.effectiveGrade),
    index().on(t.runId, t.cluster),
    index().on(t.customerId),
    index().on(t.runId, t.contributionFen),
  ],
);

/**
 * Per-account contribution lines of a run (one row per loan, deposit account or fee line), as core priced them:
 * the customer page's breakdown reads these, never today's account rows.
 */
export const contributionLines = pgTable(
  "contribution_lines",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    customerId: text().notNull(),
    /** "loan", "deposit" or "fee". */
    accountKind: text().notNull(),
    /** Loan id, deposit account id or fee line key. */
    accountId: text().notNull(),
    /** Average daily balance in fen (the fee amount for a fee line). */
    balanceFen: fen().notNull(),
    /** The account's own annual rate, percent (0 for fee lines). */
    ratePct: ratePct().notNull(),
    /** FTP rate applied, annual percent; null for fee lines. */
    ftpRatePct: ratePct(),
    /** Upper bound in months of the FTP term bucket used; null = the open-ended bucket or a fee line. */
    ftpMaxTermMonths: integer(),
    /** `upload:<batch id>` or `policy:v<N>`; null for fee lines. */
    ftpSource: text(),
    /** Tax rate deducted from the margin, percent; null when none applies. */
    taxRatePct: ratePct(),
    days: integer().notNull(),
    /** The line's contribution, fen. */
    resultFen: fen().notNull(),
    /** A loan's five-category classification as the run read it (NPL figures sum these); null for deposits and fees. */
    classification: classificationEnum(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.accountKind, t.accountId] }),
    index().on(t.runId, t.customerId),
    check("contribution_lines_kind", sql`${t.accountKind} in ('loan', 'deposit', 'fee')`),
  ],
);

/** Each project as a run read it, with its default signal as the run judged it (core's `isDefaultSignal` under the run's policy). */
export const projectResults = pgTable(
  "project_results",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    projectId: text().notNull(),
    customerId: text().notNull(),
    groupKey: text().notNull(),
    hasDefaultSignal: boolean().notNull(),
    /** The project as the run read it: an officer's groups are computed from these, never today's project rows. */
    name: text().notNull(),
    industry: text().notNull(),
    region: text().notNull(),
    totalInvestmentFen: fen().notNull(),
    loanAmountFen: fen().notNull(),
    riskLevel: text().notNull(),
    status: text().notNull(),
    overdueDays: integer().notNull(),
    isDowngraded: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.projectId] }),
    index().on(t.runId, t.customerId),
    index().on(t.runId, t.hasDefaultSignal),
  ],
);

/** Benefit-segmentation clusters of a run: centroid, profile, business label. */
export const clusters = pgTable(
  "clusters",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    clusterNo: integer().notNull(),
    size: integer().notNull(),
    centroidRaw: jsonb().$type<number[]>().notNull(),
    centroid: jsonb().$type<number[]>().notNull(),
    profile: jsonb().notNull(),
    /** The cluster's business name as code + parameters (core's ClusterLabel); words are rendered. */
    label: jsonb().$type<ClusterLabel>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.clusterNo] })],
);

/** Each loan's cluster in a run (the scatter and drill-down read it). */
export const clusterAssignments = pgTable(
  "cluster_assignments",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    loanId: text().notNull(),
    clusterNo: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.loanId] }), index().on(t.runId, t.clusterNo)],
);

/** Project groups (项目群体) of a run with their default-signal rate. */
export const projectGroups = pgTable(
  "project_groups",
  {
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    groupKey: text().notNull(),
    industry: text().notNull(),
    region: text().notNull(),
    riskLevel: text().notNull(),
    projectCount: integer().notNull(),
    loanAmountFen: fen().notNull(),
    /** Share of projects with a default signal (overdue past the limit, or downgraded), 0..1. */
    signalRate: real().notNull(),
    profile: jsonb().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.groupKey] })],
);

/** Early warnings (风险预警) raised by a run for project groups. */
export const earlyWarnings = pgTable(
  "early_warnings",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => segmentRuns.id, { onDelete: "cascade" }),
    groupKey: text().notNull(),
    level: text().notNull(),
    signalRate: real().notNull(),
    previousSignalRate: real(),
    reason: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.runId)],
);
