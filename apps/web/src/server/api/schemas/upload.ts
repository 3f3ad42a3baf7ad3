import { IMPORT_KINDS, IMPORT_STATUSES } from "@creditseg/core/constants";
import { z } from "zod";
import { cursorInput, pageSizeInput, periodInput } from "./common";

export const listUploadsInput = z.object({
  kinds: z.array(z.enum(IMPORT_KINDS)).max(IMPORT_KINDS.length).optional(),
  statuses: z.array(z.enum(IMPORT_STATUSES)).max(IMPORT_STATUSES.length).optional(),
  period: periodInput.optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListUploadsInput = z.infer<typeof listUploadsInput>;

export const uploadByIdInput = z.object({ batchId: z.uuid(), rejectsLimit: z.number().int().min(0).max(1000).default(200) });
