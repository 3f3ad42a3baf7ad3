import { z } from "zod";
import { cursorInput, pageSizeInput, textInput } from "./common";

export const listAuditInput = z.object({
  actions: z
    .array(textInput({ max: 64 }))
    .max(30)
    .optional(),
  actorId: textInput({ max: 64 }).optional(),
  entityType: textInput({ max: 40 }).optional(),
  entityId: textInput({ max: 100 }).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListAuditInput = z.infer<typeof listAuditInput>;
