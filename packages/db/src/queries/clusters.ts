import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { clusters } from "../schema";

/** A run's benefit clusters (the fitted model: centroid, profile, label), by cluster number. */
export function listRunClusters(db: Db, args: { runId: number }): Promise<(typeof clusters.$inferSelect)[]> {
  return db.select().from(clusters).where(eq(clusters.runId, args.runId)).orderBy(asc(clusters.clusterNo));
}
