import { OVERRIDE_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { businessIdInput, cursorInput, pageSizeInput } from "./common";

export const listOverridesInput = z.object({
  statuses: z.array(z.enum(OVERRIDE_STATUSES)).max(OVERRIDE_STATUSES.length).optional(),
  customerId: businessIdInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListOverridesInput = z.infer<typeof listOverridesInput>;
