import { schema } from "@creditseg/db";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../audit/write-audit";

/** Failed sign-ins in a row that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;
/** How long a lock lasts, minutes; an admin can lift it earlier. */
export const LOCK_MINUTES = 15;

export type SignInSubject = {
  id: string;
  role: (typeof schema.users.$inferSelect)["role"];
  isActive: boolean;
  lockedUntil: Date | null;
};

/** The user an email signs in as (emails compare case-insensitively), or null. */
export async function findSignInSubject(db: DbOrTx, email: string): Promise<SignInSubject | null> {
  const [row] = await db
    .select({
      id: schema.users.id,
      role: schema.users.role,
      isActive: schema.users.isActive,
      lockedUntil: schema.users.lockedUntil,
    })
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** True while the user's lock has not expired. */
export function isLocked(subject: Pick<SignInSubject, "lockedUntil">, now: Date = new Date()): boolean {
  return subject.lockedUntil !== null && subject.lockedUntil.getTime() > now.getTime();
}

/**
 * Counts one failed sign-in atomically and locks the account when the count reaches
 * MAX_FAILED_SIGN_INS. Returns the new count and whether this failure locked it.
 */
export async function recordFailedSignIn(
  db: DbOrTx,
  userId: string,
): Promise<{ failedCount: number; hasLocked: boolean }> {
  const [row] = await db
    .update(schema.users)
    .set({
      failedLoginCount: sql`${schema.users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${schema.users.failedLoginCount} + 1 >= ${MAX_FAILED_SIGN_INS} then now() + make_interval(mins => ${LOCK_MINUTES}) else ${schema.users.lockedUntil} end`,
    })
    .where(eq(schema.users.id, userId))
    .returning({ failedCount: schema.users.failedLoginCount });
  const failedCount = row?.failedCount ?? 0;
  return { failedCount, hasLocked: failedCount === MAX_FAILED_SIGN_INS };
}

/** Clears the failure count after a successful sign-in or an admin unlock. */
export async function clearFailedSignIns(db: DbOrTx, userId: string): Promise<void> {
  await db.update(schema.users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(schema.users.id, userId));
}

/** True when the user may hold a session: active and not locked. */
export async function canHoldSession(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(
        eq(schema.users.id, userId),
        eq(schema.users.isActive, true),
        sql`(${schema.users.lockedUntil} is null or ${schema.users.lockedUntil} <= now())`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
