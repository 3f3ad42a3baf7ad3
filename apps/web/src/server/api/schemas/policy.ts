import { POLICY_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { cursorInput, pageSizeInput } from "./common";

export const listPoliciesInput = z.object({
  statuses: z.array(z.enum(POLICY_STATUSES)).max(POLICY_STATUSES.length).optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export const policyByVersionInput = z.object({ version: z.number().int().positive() });
