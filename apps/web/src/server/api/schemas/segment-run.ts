import { RUN_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { cursorInput, integerIdInput, pageSizeInput, periodInput, runIdInput } from "./common";

export const listRunsInput = z.object({
  period: periodInput.optional(),
  statuses: z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length).optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

export const runByIdInput = z.object({ runId: runIdInput });

export const startRunInput = z.object({
  period: periodInput,
  /** An approved (active or retired) version to apply; default the active one. */
  policyVersion: integerIdInput.optional(),
  /** The clustering seed; default the policy's. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type StartRunInput = z.infer<typeof startRunInput>;

/** What starting a run returns: the queued run to poll with segmentRun.byId. */
export const startedRunOutput = z.object({
  id: z.number(),
  period: z.string(),
  policyVersion: z.number(),
  status: z.enum(RUN_STATUSES),
  seed: z.number(),
  stage: z.string().nullable(),
  progressPct: z.number(),
  createdAt: z.date(),
});

export const compareRunsInput = z.object({ fromRunId: runIdInput, toRunId: runIdInput });
export type CompareRunsInput = z.infer<typeof compareRunsInput>;

export const runWarningChangesInput = z.object({ runId: runIdInput });
