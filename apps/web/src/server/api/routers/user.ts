import { PERMISSIONS, can } from "@creditseg/core/access";
import {
  clearFailedSignIns,
  endUserSessions,
  findUserForAdmin,
  insertCredentialUser,
  isPasswordCorrect,
  listUsersForAdmin,
  setPassword,
  updateUser,
  type DbOrTx,
} from "@creditseg/db";
import { z } from "zod";
import { writeAudit } from "../../audit/write-audit";
import { isUniqueViolation } from "../../db-errors";
import { decodeCursor, toPage } from "../paging";
import { appError, notFound } from "../errors";
import {
  changePasswordInput,
  createUserInput,
  listUsersInput,
  resetPasswordInput,
  updateMyLocaleInput,
  updateUserInput,
  userIdOnlyInput,
} from "../schemas/user";
import { createTRPCRouter, permissionProcedure, protectedProcedure } from "../trpc";

const okOutput = z.object({ ok: z.literal(true) });
const userIdOutput = z.object({ userId: z.string() });

async function requireUser(db: DbOrTx, userId: string) {
  const user = await findUserForAdmin(db, userId);
  if (!user) throw notFound("USER_NOT_FOUND", "The user");
  return user;
}

function refuseSelf(actorId: string, userId: string): void {
  if (actorId === userId)
    throw appError(
      "BAD_REQUEST",
      "CANNOT_CHANGE_OWN_ACCOUNT",
      "You cannot change your own role or status; ask another administrator.",
    );
}

/** Maps a unique-key clash to a user-fit CONFLICT; anything else stays an internal error. */
function rethrowConflict(error: unknown): never {
  if (isUniqueViolation(error))
    throw appError("CONFLICT", "CONFLICT", "That email address or officer code is already in use.");
  throw error;
}

export const userRouter = createTRPCRouter({
  /** The signed-in user and what their role may do (views hide what it may not). */
  me: protectedProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => ({
    ...ctx.user,
    permissions: PERMISSIONS.filter((permission) => can(ctx.user.role, permission)),
    sessionExpiresAt: ctx.session.expiresAt,
  })),

  /** Changes the caller's password after checking the current one; their other sessions end. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      if (!(await isPasswordCorrect(ctx.db, ctx.user.id, input.currentPassword))) {
        throw appError("BAD_REQUEST", "WRONG_PASSWORD", "The current password is not correct.");
      }
      await ctx.db.transaction(async (tx) => {
        await setPassword(tx, ctx.user.id, input.newPassword);
        await endUserSessions(tx, ctx.user.id, { keepSessionId: ctx.session.sessionId });
        await writeAudit(tx, {
          actor: ctx.user,
          action: "auth.password_changed",
          entityType: "user",
          entityId: ctx.user.id,
          meta: ctx.meta,
        });
      });
      return { ok: true as const };
    }),

  /** Remembers the caller's interface language. */
  setMyLocale: protectedProcedure
    .input(updateMyLocaleInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await updateUser(ctx.db, ctx.user.id, { locale: input.locale });
      return { ok: true as const };
    }),

  /** Users, by email, for the admin screen. */
  list: permissionProcedure("user.manage")
    .input(listUsersInput)
    .query(async ({ ctx, input }) => {
      const rows = await listUsersForAdmin(ctx.db, {
        roles: input.roles,
        isActive: input.isActive,
        search: input.search,
        afterEmail: input.cursor ? decodeCursor(input.cursor).id : undefined,
        // One row more than the page tells toPage whether another page follows.
        limit: input.limit + 1,
      });
      return toPage(rows, input.limit, (row) => ({ value: null, id: row.email }));
    }),

  /** Creates a user with an initial password; credit officers need the staff code their customers carry. */
  create: permissionProcedure("user.manage")
    .input(createUserInput)
    .output(userIdOutput)
    .mutation(async ({ ctx, input }) => {
      if (input.role === "credit_officer" && !input.officerCode) {
        throw appError(
          "BAD_REQUEST",
          "OFFICER_CODE_REQUIRED",
          "A credit officer needs an officer code (the 客户经理 code on their customers).",
        );
      }
      const userId = await ctx.db
        .transaction(async (tx) => {
          const id = await insertCredentialUser(tx, { ...input, officerCode: input.officerCode ?? null });
          await writeAudit(tx, {
            actor: ctx.user,
            action: "user.created",
            entityType: "user",
            entityId: id,
            detail: { role: input.role },
            meta: ctx.meta,
          });
          return id;
        })
        .catch(rethrowConflict);
      return { userId };
    }),

  /** Changes a user's name, role, officer code or language; a role change is audited on its own. */
  update: permissionProcedure("user.manage")
    .input(updateUserInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      const { userId, role, ...fields } = input;
      await ctx.db
        .transaction(async (tx) => {
          const before = await requireUser(tx, userId);
          if (role !== undefined && role !== before.role) {
            refuseSelf(ctx.user.id, userId);
            await updateUser(tx, userId, { role });
            await writeAudit(tx, {
              actor: ctx.user,
              action: "user.role_changed",
              entityType: "user",
              entityId: userId,
              detail: { from: before.role, to: role },
              meta: ctx.meta,
            });
          }
          const changed = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
          if (Object.keys(changed).length > 0) {
            await updateUser(tx, userId, changed);
            await writeAudit(tx, {
              actor: ctx.user,
              action: "user.updated",
              entityType: "user",
              entityId: userId,
              detail: { fields: Object.keys(changed) },
              meta: ctx.meta,
            });
          }
          const after = await findUserForAdmin(tx, userId);
          if (after?.role === "credit_officer" && !after.officerCode) {
            throw appError(
              "BAD_REQUEST",
              "OFFICER_CODE_REQUIRED",
              "A credit officer needs an officer code (the 客户经理 code on their customers).",
            );
          }
        })
        .catch(rethrowConflict);
      return { ok: true as const };
    }),

  /** Deactivates a user: they cannot sign in and every session they hold ends at once. */
  deactivate: permissionProcedure("user.manage")
    .input(userIdOnlyInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      refuseSelf(ctx.user.id, input.userId);
      await ctx.db.transaction(async (tx) => {
        await requireUser(tx, input.userId);
        await updateUser(tx, input.userId, { isActive: false });
        await endUserSessions(tx, input.userId);
        await writeAudit(tx, {
          actor: ctx.user,
          action: "user.deactivated",
          entityType: "user",
          entityId: input.userId,
          meta: ctx.meta,
        });
      });
      return { ok: true as const };
    }),

  /** Lets a deactivated user sign in again. */
  reactivate: permissionProcedure("user.manage")
    .input(userIdOnlyInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        await requireUser(tx, input.userId);
        await updateUser(tx, input.userId, { isActive: true });
        await writeAudit(tx, {
          actor: ctx.user,
          action: "user.reactivated",
          entityType: "user",
          entityId: input.userId,
          meta: ctx.meta,
        });
      });
      return { ok: true as const };
    }),

  /** Lifts a lock-out before it expires. */
  unlock: permissionProcedure("user.manage")
    .input(userIdOnlyInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        await requireUser(tx, input.userId);
        await clearFailedSignIns(tx, input.userId);
        await writeAudit(tx, {
          actor: ctx.user,
          action: "user.unlocked",
          entityType: "user",
          entityId: input.userId,
          meta: ctx.meta,
        });
      });
      return { ok: true as const };
    }),

  /** Sets a new password for a user (who forgot theirs); their sessions end. */
  resetPassword: permissionProcedure("user.manage")
    .input(resetPasswordInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        await requireUser(tx, input.userId);
        await setPassword(tx, input.userId, input.newPassword);
        await endUserSessions(tx, input.userId);
        await writeAudit(tx, {
          actor: ctx.user,
          action: "user.password_reset",
          entityType: "user",
          entityId: input.userId,
          meta: ctx.meta,
        });
      });
      return { ok: true as const };
    }),
});
