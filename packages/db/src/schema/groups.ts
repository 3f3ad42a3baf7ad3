import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  text,
} from "drizzle-orm/pg-core";
import { fen } from "./_columns";
import { segmentRuns } from "./segment-runs";

/** A share or rate in percent with two decimals (12.50 = 12.5 %), as core's ratioPct gives it. */
const pct = () => numeric({ precision: 9, scale: 2 });

const runId = () =>
  integer()
    .notNull()
    .references(() => segmentRuns.id, { onDelete: "cascade" });

/**
 * How a run found its groups (客户群体), per subject: the k-prototypes fit (k, γ, Huang's cost, Gower silhouette,
 * the k candidates with their cost and silhouette, subsample stability, the attributes used), or why it was skipped.
 */
export const groupFits = pgTable(
  "group_fits",
  {
    runId: runId(),
    /** "customers" or "projects". */
    subject: text().notNull(),
    k: integer(),
    gamma: real(),
    cost: doublePrecision(),
    silhouette: real(),
    /** [{ k, cost, silhouette }] on the selection sample, plus sample sizes, seed and restarts. */
    selection: jsonb(),
    stability: jsonb(),
    /** { numeric: [...], categorical: [...] }. */
    attributes: jsonb(),
    /** { code, params } when the subject had too few rows to group; null otherwise. */
    skipped: jsonb(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.subject] }),
    check("group_fits_subject_ck", sql`${t.subject} in ('customers', 'projects')`),
  ],
);

/** Customer groups found by a run: profile, name codes, tier / grade mix, NPL, contribution, matched guidance. */
export const customerGroups = pgTable(
  "customer_groups",
  {
    runId: runId(),
    groupNo: integer().notNull(),
    size: integer().notNull(),
    /** { parts: [{ attribute, level | value, … }], ordinal }: codes the UI renders as a banker's name. */
    name: jsonb().notNull(),
    /** Numeric traits (raw means, z) and categorical value shares with lift. */
    profile: jsonb().notNull(),
    /** { numericZ, numericRaw, modes }: what the next run matches its groups against. */
    prototype: jsonb().notNull(),
    /** Customers per effective tier / grade. */
    tierMix: jsonb().notNull(),
    gradeMix: jsonb().notNull(),
    loanBalanceFen: fen().notNull(),
    nplFen: fen().notNull(),
    /** NPL ÷ loan balance (average daily), percent; null without loans. */
    nplRatioPct: pct(),
    contributionFen: fen().notNull(),
    /** [{ code, conditions }]: the policy's guidance rules the profile matched. */
    guidance: jsonb().notNull(),
    /** The previous run's group this one was matched with (prototype dissimilarity), and that dissimilarity. */
    previousGroupNo: integer(),
    matchCost: real(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.groupNo] })],
);

/** Which customer group each customer of a run belongs to. */
export const customerGroupMembers = pgTable(
  "customer_group_members",
  {
    runId: runId(),
    customerId: text().notNull(),
    groupNo: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.customerId] }), index().on(t.runId, t.groupNo)],
);

/**
 * Project groups found in data by a run (项目群体, k-prototypes), beside the industry × region × risk roll-up in
 * `project_groups`: profile, name codes, default-signal rate and its change against the matched previous group.
 */
export const foundProjectGroups = pgTable(
  "found_project_groups",
  {
    runId: runId(),
    groupNo: integer().notNull(),
    size: integer().notNull(),
    name: jsonb().notNull(),
    profile: jsonb().notNull(),
    prototype: jsonb().notNull(),
    totalInvestmentFen: fen().notNull(),
    loanAmountFen: fen().notNull(),
    signalCount: integer().notNull(),
    signalRatePct: pct().notNull(),
    previousSignalRatePct: pct(),
    changePctPoints: pct(),
    previousGroupNo: integer(),
    matchCost: real(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.groupNo] })],
);

/** Which found project group each project of a run belongs to. */
export const foundProjectGroupMembers = pgTable(
  "found_project_group_members",
  {
    runId: runId(),
    projectId: text().notNull(),
    groupNo: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.projectId] }), index().on(t.runId, t.groupNo)],
);

/** Group-level early warnings (风险预警) on found project groups, as codes with parameters. */
export const projectGroupWarnings = pgTable(
  "project_group_warnings",
  {
    runId: runId(),
    groupNo: integer().notNull(),
    /** group.signal_rate_above_limit | group.signal_rate_rise. */
    code: text().notNull(),
    params: jsonb().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.groupNo, t.code] })],
);
