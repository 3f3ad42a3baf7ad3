import { z } from "zod";
import { cursorInput, pageSizeInput } from "./common";

export const listAuditInput = z.object({
  actions: z.array(z.string().min(1).max(64)).max(30).optional(),
  actorId: z.string().min(1).max(64).optional(),
  entityType: z.string().min(1).max(40).optional(),
  entityId: z.string().min(1).max(100).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListAuditInput = z.infer<typeof listAuditInput>;
