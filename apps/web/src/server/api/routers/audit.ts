import { listAuditRows } from "@creditseg/db";
import { decodeIdCursor, toPage } from "../paging";
import { listAuditInput } from "../schemas/audit";
import { createTRPCRouter, permissionProcedure } from "../trpc";

export const auditRouter = createTRPCRouter({
  /** The audit trail, newest first, filtered by action, actor, entity and time. */
  list: permissionProcedure("audit.read")
    .input(listAuditInput)
    .query(async ({ ctx, input }) => {
      const { cursor, limit, ...filter } = input;
      const rows = await listAuditRows(ctx.db, {
        ...filter,
        beforeId: cursor ? decodeIdCursor(cursor, Number.MAX_SAFE_INTEGER) : undefined,
        limit: limit + 1,
      });
      return toPage(rows, limit, (row) => ({ value: null, id: String(row.id) }));
    }),
});
