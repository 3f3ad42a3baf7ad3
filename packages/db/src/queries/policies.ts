import type { PolicyStatus } from "@creditseg/core/constants";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { policies } from "../schema";

const p = policies;

/** Fields of a version for lists: everything but the document. */
const LIST_COLUMNS = {
  version: p.version,
  name: p.name,
  status: p.status,
  basedOnVersion: p.basedOnVersion,
  effectiveFrom: p.effectiveFrom,
  changeNote: p.changeNote,
  createdBy: p.createdBy,
  createdAt: p.createdAt,
  submittedBy: p.submittedBy,
  submittedAt: p.submittedAt,
  decidedBy: p.decidedBy,
  decidedAt: p.decidedAt,
  retiredAt: p.retiredAt,
};

export type PolicyRow = typeof p.$inferSelect;

/** Policy versions newest first, without documents, `limit` of them below the version `beforeVersion`. */
export function listPolicyRows(
  db: Db,
  args: { statuses?: readonly PolicyStatus[]; beforeVersion?: number; limit: number },
) {
  return db
    .select(LIST_COLUMNS)
    .from(p)
    .where(
      and(
        args.statuses?.length ? inArray(p.status, [...args.statuses]) : undefined,
        args.beforeVersion !== undefined ? lt(p.version, args.beforeVersion) : undefined,
      ),
    )
    .orderBy(desc(p.version))
    .limit(args.limit);
}

/** One version with its document, or null. */
export async function findPolicyRow(db: Db, args: { version: number }): Promise<PolicyRow | null> {
  const [row] = await db.select().from(p).where(eq(p.version, args.version)).limit(1);
  return row ?? null;
}

/** The active version with its document; null before any policy is approved. */
export async function findActivePolicyRow(db: Db): Promise<PolicyRow | null> {
  const [row] = await db.select().from(p).where(eq(p.status, "active")).limit(1);
  return row ?? null;
}
