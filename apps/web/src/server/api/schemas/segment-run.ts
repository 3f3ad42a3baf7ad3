import { RUN_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { cursorInput, pageSizeInput, periodInput, runIdInput } from "./common";

export const listRunsInput = z.object({
  period: periodInput.optional(),
  statuses: z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length).optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

export const runByIdInput = z.object({ runId: runIdInput });
