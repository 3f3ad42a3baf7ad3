import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { dataVersion } from "../schema";

/**
 * The data version: grows in the same transaction as every committed change to customers, import batches, overrides
 * or a run's status (triggers, see migration 0006), whichever process made it. One primary-key read: cheap enough
 * for every cached request.
 */
export async function readDataVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: dataVersion.version }).from(dataVersion).where(eq(dataVersion.id, 1));
  return row?.version ?? 0;
}
