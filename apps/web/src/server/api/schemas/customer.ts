import { GRADES } from "@creditseg/core/constants";
import { CUSTOMER_SORT_FIELDS } from "@creditseg/db";
import { z } from "zod";
import {
  businessIdInput,
  cursorInput,
  integerIdInput,
  pageSizeInput,
  periodInput,
  runIdInput,
  shortTextInput,
  sortDirectionInput,
  textInput,
} from "./common";

export { CUSTOMER_SORT_FIELDS, type CustomerSortField } from "@creditseg/db";

/** A segment label as a migration matrix has it: a tier name, a grade, a cluster number, `none` or `unmatched:<n>`. */
const segmentLabelInput = textInput({ max: 40 });
const segmentLabelsInput = z.array(segmentLabelInput).min(1).max(20);

/**
 * The customers behind cells of a run-to-run migration matrix (segment.migration, segmentRun.compare): in `from`
 * in the earlier run and in `to` (any, when absent) in the listed run.
 */
export const migrationSelectionInput = z.object({
  fromRunId: runIdInput,
  dimension: z.enum(["tier", "grade", "cluster"]),
  from: segmentLabelsInput,
  to: segmentLabelsInput.optional(),
});
export type MigrationSelectionInput = z.infer<typeof migrationSelectionInput>;

/**
 * The customers behind cells of a policy version's impact preview (policy.preview): in `from` under the active
 * policy and `to` under the version; with neither, every customer whose segment would change.
 */
export const draftSelectionInput = z.object({
  version: integerIdInput,
  period: periodInput,
  dimension: z.enum(["tier", "grade"]).default("tier"),
  from: segmentLabelsInput.optional(),
  to: segmentLabelsInput.optional(),
});
export type DraftSelectionInput = z.infer<typeof draftSelectionInput>;

/** Filters shared by the customer list, its count and its export. */
export const customerFilterInput = z.object({
  runId: runIdInput.optional(),
  period: periodInput.optional(),
  tiers: z
    .array(textInput({ max: 40 }))
    .max(10)
    .optional(),
  grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
  clusters: z.array(z.number().int().min(0).max(100)).max(50).optional(),
  /** Customers in no benefit cluster (no loans) in the run, besides any `clusters`. */
  isWithoutCluster: z.boolean().optional(),
  /** Customer groups (客户群体) of the run, by group number. */
  customerGroups: z.array(z.number().int().min(0).max(100)).max(20).optional(),
  industries: z.array(shortTextInput).max(50).optional(),
  regions: z.array(shortTextInput).max(50).optional(),
  /** Admins and risk managers may narrow to one officer's book; officers are always narrowed to theirs. */
  officer: textInput({ max: 32 }).optional(),
  /** Matches the start of the customer id, or any part of the name. */
  search: shortTextInput.optional(),
  migration: migrationSelectionInput.optional(),
  draft: draftSelectionInput.optional(),
  /** The top percent of the run's customers by contribution: a point of the Pareto curve. */
  topPct: z.number().positive().max(100).optional(),
});
export type CustomerFilterInput = z.infer<typeof customerFilterInput>;

export const listCustomersInput = customerFilterInput.extend({
  sort: z.enum(CUSTOMER_SORT_FIELDS).default("contribution"),
  direction: sortDirectionInput,
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

export const customerByIdInput = z.object({
  customerId: businessIdInput,
  runId: runIdInput.optional(),
  period: periodInput.optional(),
});
export type CustomerByIdInput = z.infer<typeof customerByIdInput>;

export const exportCustomersInput = customerFilterInput.extend({
  format: z.enum(["csv", "xlsx"]),
  sort: z.enum(CUSTOMER_SORT_FIELDS).default("contribution"),
  direction: sortDirectionInput,
});
export type ExportCustomersInput = z.infer<typeof exportCustomersInput>;
