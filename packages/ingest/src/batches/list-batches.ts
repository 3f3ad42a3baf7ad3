import type { ImportKind } from "@creditseg/core/constants";
import type { DbHandle } from "@creditseg/db";
import { importBatches } from "@creditseg/db/schema";
import { and, desc, eq, type SQL } from "drizzle-orm";

export type BatchSummary = typeof importBatches.$inferSelect;

/** Import history, newest first: who, when, file, checksum, kind, counts, totals, status. */
export async function listBatches(args: {
  handle: DbHandle;
  kind?: ImportKind;
  period?: string;
  limit?: number;
}): Promise<BatchSummary[]> {
  const filters: SQL[] = [];
  if (args.kind) filters.push(eq(importBatches.kind, args.kind));
  if (args.period) filters.push(eq(importBatches.period, args.period));
  return args.handle.db
    .select()
    .from(importBatches)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(importBatches.createdAt))
    .limit(args.limit ?? 100);
}
