import { schema } from "@creditseg/db";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { decodeCursor, toPage } from "../../queries/cursor";
import { appError, notFound } from "../errors";
import { listUploadsInput, uploadByIdInput } from "../schemas/upload";
import { createTRPCRouter, permissionProcedure } from "../trpc";

const b = schema.importBatches;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uploadRouter = createTRPCRouter({
  /** Upload batches, newest first, with their control totals. */
  list: permissionProcedure("upload.read")
    .input(listUploadsInput)
    .query(async ({ ctx, input }) => {
      const conditions: (SQL | undefined)[] = [];
      if (input.kinds?.length) conditions.push(inArray(b.kind, input.kinds));
      if (input.statuses?.length) conditions.push(inArray(b.status, input.statuses));
      if (input.period) conditions.push(eq(b.period, input.period));
      if (input.cursor) {
        const cursor = decodeCursor(input.cursor);
        const at = new Date(cursor.value ?? "");
        if (Number.isNaN(at.getTime()) || !UUID.test(cursor.id)) throw appError("BAD_REQUEST", "INVALID_CURSOR", "The page position is no longer valid; start again from the first page.");
        conditions.push(sql`(${b.createdAt}, ${b.id}) < (${at.toISOString()}::timestamptz, ${cursor.id}::uuid)`);
      }
      const rows = await ctx.db
        .select()
        .from(b)
        .where(and(...conditions))
        .orderBy(desc(b.createdAt), desc(b.id))
        .limit(input.limit + 1);
      return toPage(rows, input.limit, (row) => ({ value: row.createdAt.toISOString(), id: row.id }));
    }),

  /** One batch with its first rejected rows. */
  byId: permissionProcedure("upload.read")
    .input(uploadByIdInput)
    .query(async ({ ctx, input }) => {
      const [batch] = await ctx.db.select().from(b).where(eq(b.id, input.batchId)).limit(1);
      if (!batch) throw notFound("UPLOAD_NOT_FOUND", "The upload");
      const rejects = await ctx.db
        .select()
        .from(schema.importRejects)
        .where(eq(schema.importRejects.batchId, batch.id))
        .orderBy(asc(schema.importRejects.rowNumber), asc(schema.importRejects.id))
        .limit(input.rejectsLimit);
      return { batch, rejects };
    }),
});
