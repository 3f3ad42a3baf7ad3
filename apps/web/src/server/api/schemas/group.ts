import { z } from "zod";
import { businessIdInput, periodInput, runIdInput, runSelectorInput } from "./common";

/** A group number within a run (k is at most a few dozen). */
const groupNoInput = z.number().int().min(0).max(100);

export const customerGroupsInput = runSelectorInput;
export const foundProjectGroupsInput = runSelectorInput;
export const customerGroupInput = runSelectorInput.extend({ groupNo: groupNoInput });
export const foundGroupHistoryInput = z.object({ runId: runIdInput, groupNo: groupNoInput });
export const groupOfCustomerInput = z.object({
  customerId: businessIdInput,
  runId: runIdInput.optional(),
  period: periodInput.optional(),
});
