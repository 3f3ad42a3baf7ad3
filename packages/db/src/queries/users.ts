import type { Role } from "@creditseg/core/constants";
import { and, asc, eq, gt, ilike, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../client";
import { accounts, rateLimits, sessions, users, verifications } from "../schema";
import { escapeLike } from "./keyset";

/**
 * The active user a command acts as: the one with this id or e-mail (any case), or, without one, the first active
 * risk manager by creation. Null when there is none.
 */
export async function findActingUser(
  db: Db,
  /** Without `idOrEmail`: the first active user of `role` (default a risk manager). */
  args: { idOrEmail?: string; role?: Role },
): Promise<{ id: string; email: string; role: Role } | null> {
  const u = users;
  const who = args.idOrEmail;
  const [row] = await db
    .select({ id: u.id, email: u.email, role: u.role })
    .from(u)
    .where(
      and(
        eq(u.isActive, true),
        who === undefined
          ? eq(u.role, args.role ?? "risk_manager")
          : or(eq(u.id, who), eq(sql`lower(${u.email})`, who.toLowerCase())),
      ),
    )
    .orderBy(asc(u.createdAt), asc(u.id))
    .limit(1);
  return row ?? null;
}

/** Fields of a user an admin sees: never the password hash or session tokens. */
const USER_ADMIN_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  officerCode: users.officerCode,
  isActive: users.isActive,
  locale: users.locale,
  failedLoginCount: users.failedLoginCount,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};
export type UserAdminRow = Pick<typeof users.$inferSelect, keyof typeof USER_ADMIN_COLUMNS>;

/** One user as the admin screen shows them; null when there is no such id. */
export async function findUserForAdmin(db: DbOrTx, userId: string): Promise<UserAdminRow | null> {
  const [row] = await db.select(USER_ADMIN_COLUMNS).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export type ListUsersArgs = {
  roles?: readonly Role[];
  isActive?: boolean;
  /** Matched anywhere in the e-mail, name or officer code, any case. */
  search?: string;
  /** Keyset position: the e-mail of the previous page's last row. */
  afterEmail?: string;
  limit: number;
};

/** Users by e-mail, filtered, at most `limit` rows. */
export async function listUsersForAdmin(db: DbOrTx, args: ListUsersArgs): Promise<UserAdminRow[]> {
  const conditions: (SQL | undefined)[] = [];
  if (args.roles?.length) conditions.push(inArray(users.role, [...args.roles]));
  if (args.isActive !== undefined) conditions.push(eq(users.isActive, args.isActive));
  if (args.search) {
    const term = `%${escapeLike(args.search)}%`;
    conditions.push(or(ilike(users.email, term), ilike(users.name, term), ilike(users.officerCode, term)));
  }
  if (args.afterEmail !== undefined) conditions.push(gt(users.email, args.afterEmail));
  return db
    .select(USER_ADMIN_COLUMNS)
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.email))
    .limit(args.limit);
}

/** What an admin (or the user, for the locale) may change on a user row. */
export type UserChange = Partial<
  Pick<typeof users.$inferInsert, "name" | "role" | "officerCode" | "locale" | "isActive">
>;

/** Applies the given fields to one user; fields left undefined keep their value. */
export async function updateUser(db: DbOrTx, userId: string, change: UserChange): Promise<void> {
  const fields = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  if (Object.keys(fields).length === 0) return;
  await db.update(users).set(fields).where(eq(users.id, userId));
}

/** Ends the user's sessions, all of them or all but `keepSessionId` (the one making the change). */
export async function endUserSessions(
  db: DbOrTx,
  userId: string,
  options: { keepSessionId?: string } = {},
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), options.keepSessionId ? ne(sessions.id, options.keepSessionId) : undefined),
    );
}

/**
 * The tables the authentication library's Drizzle adapter reads and writes, under the model names it expects
 * (`rateLimit`: its counters with `rateLimit.storage: "database"`, shared by every web instance).
 */
export const AUTH_TABLES = {
  user: users,
  session: sessions,
  account: accounts,
  verification: verifications,
  rateLimit: rateLimits,
} as const;
