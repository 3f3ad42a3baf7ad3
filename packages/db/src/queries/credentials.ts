import type { Role } from "@creditseg/core/constants";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../client";
import { hashPassword, verifyPassword } from "../password";
import { accounts, users } from "../schema";

/** Provider id better-auth gives email-and-password accounts. */
export const CREDENTIAL_PROVIDER = "credential";

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  officerCode?: string | null;
  locale?: string;
  password: string;
};

/** Inserts a user with a scrypt-hashed credential account (account id = user id, as better-auth does). Returns the new id. */
export async function insertCredentialUser(db: DbOrTx, user: NewUser): Promise<string> {
  const id = randomUUID();
  const passwordHash = await hashPassword(user.password);
  await db.insert(users).values({
    id,
    email: user.email.trim().toLowerCase(),
    name: user.name,
    role: user.role,
    officerCode: user.officerCode ?? null,
    locale: user.locale ?? "zh-CN",
    emailVerified: true,
  });
  await db
    .insert(accounts)
    .values({ id: randomUUID(), accountId: id, providerId: CREDENTIAL_PROVIDER, userId: id, password: passwordHash });
  return id;
}

/** True when the password matches the user's stored credential. */
export async function isPasswordCorrect(db: DbOrTx, userId: string, password: string): Promise<boolean> {
  const [account] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER)))
    .limit(1);
  if (!account?.password) return false;
  return verifyPassword({ hash: account.password, password });
}

/** Replaces the user's password hash. */
export async function setPassword(db: DbOrTx, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db
    .update(accounts)
    .set({ password: passwordHash })
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, CREDENTIAL_PROVIDER)));
}
