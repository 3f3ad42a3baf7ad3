import {
  CLASSIFICATIONS,
  DEPOSIT_PRODUCTS,
  ENTERPRISE_SIZES,
  FTP_SIDES,
  GRADES,
  GUARANTEE_TYPES,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  OVERRIDE_STATUSES,
  POLICY_STATUSES,
  ROLES,
  RUN_STATUSES,
} from "@creditseg/core/constants";
import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ROLES);
export const classificationEnum = pgEnum("classification", CLASSIFICATIONS);
export const gradeEnum = pgEnum("grade", GRADES);
export const enterpriseSizeEnum = pgEnum("enterprise_size", ENTERPRISE_SIZES);
export const guaranteeEnum = pgEnum("guarantee_type", GUARANTEE_TYPES);
export const depositProductEnum = pgEnum("deposit_product", DEPOSIT_PRODUCTS);
export const ftpSideEnum = pgEnum("ftp_side", FTP_SIDES);
export const policyStatusEnum = pgEnum("policy_status", POLICY_STATUSES);
export const runStatusEnum = pgEnum("run_status", RUN_STATUSES);
export const overrideStatusEnum = pgEnum("override_status", OVERRIDE_STATUSES);
export const importKindEnum = pgEnum("import_kind", IMPORT_KINDS);
export const importStatusEnum = pgEnum("import_status", IMPORT_STATUSES);
