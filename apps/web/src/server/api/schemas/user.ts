import { ROLES } from "@creditseg/core/constants";
import { z } from "zod";
import { cursorInput, pageSizeInput, textInput } from "./common";

/** Password rules: long enough to resist guessing, bounded so hashing stays cheap. */
export const passwordInput = z.string().min(10, "at least 10 characters").max(128, "at most 128 characters");
const officerCodeInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, - and _ only (at most 32)");
const userIdInput = textInput({ max: 64, isTrimmed: false });
export const LOCALES = ["zh-CN", "en"] as const;

export const createUserInput = z.object({
  email: z.email().max(254),
  name: textInput({ max: 100 }),
  role: z.enum(ROLES),
  officerCode: officerCodeInput.nullish(),
  locale: z.enum(LOCALES).default("zh-CN"),
  password: passwordInput,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  userId: userIdInput,
  name: textInput({ max: 100 }).optional(),
  role: z.enum(ROLES).optional(),
  officerCode: officerCodeInput.nullish(),
  locale: z.enum(LOCALES).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userIdOnlyInput = z.object({ userId: userIdInput });
export const resetPasswordInput = z.object({ userId: userIdInput, newPassword: passwordInput });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordInput,
});
export const updateMyLocaleInput = z.object({ locale: z.enum(LOCALES) });

export const listUsersInput = z.object({
  roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  isActive: z.boolean().optional(),
  search: textInput({ max: 100 }).optional(),
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListUsersInput = z.infer<typeof listUsersInput>;
