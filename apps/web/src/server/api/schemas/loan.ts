import { CLASSIFICATIONS } from "@creditseg/core/constants";
import { z } from "zod";
import {
  businessIdInput,
  cursorInput,
  pageSizeInput,
  periodInput,
  runIdInput,
  shortTextInput,
  textInput,
} from "./common";

export const listLoansInput = z.object({
  period: periodInput.optional(),
  customerId: businessIdInput.optional(),
  classifications: z.array(z.enum(CLASSIFICATIONS)).max(CLASSIFICATIONS.length).optional(),
  /** With `runId`, only the loans the run put in this benefit cluster (chart drill-down). */
  cluster: z.number().int().min(0).max(100).optional(),
  runId: runIdInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListLoansInput = z.infer<typeof listLoansInput>;

/** A benefit cluster of a run (the current run by default) to draw a scatter sample from. */
export const sampleLoansInput = z.object({
  runId: runIdInput.optional(),
  cluster: z.number().int().min(0).max(100),
  /** Loans to draw: enough to see the cluster's shape, few enough to plot. */
  size: z.number().int().min(1).max(500).default(150),
});
export type SampleLoansInput = z.infer<typeof sampleLoansInput>;

export const listDepositsInput = z.object({
  period: periodInput.optional(),
  customerId: businessIdInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListDepositsInput = z.infer<typeof listDepositsInput>;

export const listProjectsInput = z
  .object({
    period: periodInput.optional(),
    customerId: businessIdInput.optional(),
    industry: shortTextInput.optional(),
    region: shortTextInput.optional(),
    riskLevel: textInput({ max: 40 }).optional(),
    hasSignal: z.boolean().optional(),
    /**
     * One project group of a run: a group found in data (`groupNo`) or an industry × region × risk roll-up group
     * (`groupKey`, "industry|region|risk" as its warnings name it); the run and exactly one of them, or none.
     */
    groupRunId: runIdInput.optional(),
    groupNo: z.number().int().min(0).max(100).optional(),
    groupKey: textInput({ max: 300 }).optional(),
    limit: pageSizeInput,
    cursor: cursorInput,
  })
  .refine(
    (input) =>
      (input.groupRunId === undefined) === (input.groupNo === undefined && input.groupKey === undefined) &&
      (input.groupNo === undefined || input.groupKey === undefined),
    {
      message: "a project group is a run and either a group number or a group key: give the run and one, or none",
      path: ["groupNo"],
    },
  );
export type ListProjectsInput = z.infer<typeof listProjectsInput>;
