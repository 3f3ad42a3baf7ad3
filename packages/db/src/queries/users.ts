import type { Role } from "@creditseg/core/constants";
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";

/**
 * The active user a command acts as: the one with this id or e-mail (any case), or, without one, the first active
 * risk manager by creation. Null when there is none.
 */
export async function findActingUser(
  db: Db,
  args: { idOrEmail?: string },
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
          ? eq(u.role, "risk_manager")
          : or(eq(u.id, who), eq(sql`lower(${u.email})`, who.toLowerCase())),
      ),
    )
    .orderBy(asc(u.createdAt), asc(u.id))
    .limit(1);
  return row ?? null;
}
