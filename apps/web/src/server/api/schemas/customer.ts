import { GRADES } from "@creditseg/core/constants";
import { CUSTOMER_SORT_FIELDS } from "@creditseg/db";
import { z } from "zod";
import {
  businessIdInput,
  cursorInput,
  pageSizeInput,
  periodInput,
  runIdInput,
  shortTextInput,
  sortDirectionInput,
  textInput,
} from "./common";

export { CUSTOMER_SORT_FIELDS, type CustomerSortField } from "@creditseg/db";

/** Filters shared by the customer list, its count and its export. */
export const customerFilterInput = z.object({
  runId: runIdInput.optional(),
  period: periodInput.optional(),
  tiers: z
    .array(textInput({ max: 40 }))
    .max(10)
    .optional(),
  grades: z.array(z.enum(GRADES)).max(GRADES.length).optional(),
  clusters: z.array(z.number().int().min(0).max(100)).max(50).optional(),
  /** Customer groups (客户群体) of the run, by group number. */
  customerGroups: z.array(z.number().int().min(0).max(100)).max(20).optional(),
  industries: z.array(shortTextInput).max(50).optional(),
  regions: z.array(shortTextInput).max(50).optional(),
  /** Admins and risk managers may narrow to one officer's book; officers are always narrowed to theirs. */
  officer: textInput({ max: 32 }).optional(),
  /** Matches the start of the customer id, or any part of the name. */
  search: shortTextInput.optional(),
});
export type CustomerFilterInput = z.infer<typeof customerFilterInput>;

export const listCustomersInput = customerFilterInput.extend({
  sort: z.enum(CUSTOMER_SORT_FIELDS).default("contribution"),
  direction: sortDirectionInput,
  limit: pageSizeInput,
  cursor: cursorInput,
});
export type ListCustomersInput = z.infer<typeof listCustomersInput>;

export const customerByIdInput = z.object({
  customerId: businessIdInput,
  runId: runIdInput.optional(),
  period: periodInput.optional(),
});
export type CustomerByIdInput = z.infer<typeof customerByIdInput>;

export const exportCustomersInput = customerFilterInput.extend({
  format: z.enum(["csv", "xlsx"]),
  sort: z.enum(CUSTOMER_SORT_FIELDS).default("contribution"),
  direction: sortDirectionInput,
});
export type ExportCustomersInput = z.infer<typeof exportCustomersInput>;
