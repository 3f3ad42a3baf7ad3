import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { users } from "../schema";

/** Sign-in attempts in a row without a success that lock an account. */
export const MAX_FAILED_SIGN_INS = 5;
/** How long a lock lasts, minutes; an admin can lift it earlier. */
export const LOCK_MINUTES = 15;

const u = users;

/** One sign-in attempt on an existing account, as counted. */
export type SignInAttempt = {
  userId: string;
  role: (typeof u.$inferSelect)["role"];
  isActive: boolean;
  /** Attempts since the last success (or unlock), this one included. */
  attemptCount: number;
  /** True when the password may be checked: the account is active and this attempt is within the allowance. */
  isAdmitted: boolean;
  /** True when this attempt used the last of the allowance and so set the lock (lifted again if it succeeds). */
  hasLocked: boolean;
};

/**
 * Counts a sign-in attempt before its password is checked, in one statement: the count goes up by
 * one (restarting at one after an expired lock) and the lock is set when it reaches
 * MAX_FAILED_SIGN_INS. Concurrent attempts therefore each get a distinct count, so a burst of any
 * size gets at most MAX_FAILED_SIGN_INS password checks. A success resets the count
 * (clearFailedSignIns). Null when no user has that email (compared case-insensitively).
 */
export async function takeSignInAttempt(db: DbOrTx, email: string): Promise<SignInAttempt | null> {
  const isLockExpired = sql`(${u.lockedUntil} is not null and ${u.lockedUntil} <= now())`;
  const nextCount = sql`(case when ${isLockExpired} then 1 else ${u.failedLoginCount} + 1 end)`;
  const [row] = await db
    .update(u)
    .set({
      failedLoginCount: nextCount,
      lockedUntil: sql`case
        when ${u.lockedUntil} > now() then ${u.lockedUntil}
        when ${nextCount} >= ${MAX_FAILED_SIGN_INS} then now() + make_interval(mins => ${LOCK_MINUTES})
        else null end`,
    })
    .where(eq(sql`lower(${u.email})`, email.trim().toLowerCase()))
    .returning({ userId: u.id, role: u.role, isActive: u.isActive, attemptCount: u.failedLoginCount });
  if (!row) return null;
  return {
    ...row,
    isAdmitted: row.isActive && row.attemptCount <= MAX_FAILED_SIGN_INS,
    hasLocked: row.attemptCount === MAX_FAILED_SIGN_INS,
  };
}

/** Clears the attempt count and any lock after a successful sign-in or an admin unlock. */
export async function clearFailedSignIns(db: DbOrTx, userId: string): Promise<void> {
  await db.update(u).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(u.id, userId));
}

/**
 * True when the user may hold a new session: active and not locked. A sign-in admitted by
 * takeSignInAttempt skips the lock test (`isAdmittedSignIn`): its own attempt may have just set the
 * lock, which its success then lifts.
 */
export async function canHoldSession(
  db: DbOrTx,
  userId: string,
  options: { isAdmittedSignIn?: boolean } = {},
): Promise<boolean> {
  const [row] = await db
    .select({ id: u.id })
    .from(u)
    .where(
      and(
        eq(u.id, userId),
        eq(u.isActive, true),
        options.isAdmittedSignIn ? undefined : sql`(${u.lockedUntil} is null or ${u.lockedUntil} <= now())`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
