import { schema } from "@creditseg/db";
import { and, desc, eq, gte, inArray, lt, lte, type SQL } from "drizzle-orm";
import { decodeIdCursor, toPage } from "../../queries/cursor";
import { listAuditInput } from "../schemas/audit";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const a = schema.auditLog;

export const auditRouter = createTRPCRouter({
  /** The audit trail, newest first, filtered by action, actor, entity and time. */
  list: permissionProcedure("audit.read")
    .input(listAuditInput)
    .query(async ({ ctx, input }) => {
      const conditions: (SQL | undefined)[] = [];
      if (input.actions?.length) conditions.push(inArray(a.action, input.actions));
      if (input.actorId) conditions.push(eq(a.actorId, input.actorId));
      if (input.entityType) conditions.push(eq(a.entityType, input.entityType));
      if (input.entityId) conditions.push(eq(a.entityId, input.entityId));
      if (input.from) conditions.push(gte(a.at, input.from));
      if (input.to) conditions.push(lte(a.at, input.to));
      if (input.cursor) conditions.push(lt(a.id, decodeIdCursor(input.cursor, Number.MAX_SAFE_INTEGER)));
      const rows = await ctx.db
        .select()
        .from(a)
        .where(and(...conditions))
        .orderBy(desc(a.id))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: null, id: String(row.id) }));
    }),
});
