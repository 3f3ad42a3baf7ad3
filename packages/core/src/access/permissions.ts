import type { Role } from "../constants";

/** Every permission the server checks. Credit officers' `customer.read` covers only their own customers; the server filters by officer. */
export const PERMISSIONS = [
  "customer.read",
  "customer.readAll",
  "loan.read",
  "project.read",
  "upload.read",
  "upload.commit",
  "upload.rollback",
  "mapping.write",
  "policy.read",
  "policy.write",
  "policy.approve",
  "run.read",
  "run.start",
  "run.cancel",
  "segment.read",
  "override.propose",
  "override.decide",
  "user.manage",
  "audit.read",
  "export.customers",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE = [
  "customer.read",
  "loan.read",
  "project.read",
  "policy.read",
  "run.read",
  "segment.read",
  "export.customers",
] as const satisfies readonly Permission[];

/** The role matrix: what each role may do. Admins manage data and users but neither set policy nor decide overrides. */
export const ROLE_PERMISSIONS = {
  admin: [
    ...EVERYONE,
    "customer.readAll",
    "upload.read",
    "upload.commit",
    "upload.rollback",
    "mapping.write",
    "user.manage",
    "audit.read",
  ],
  risk_manager: [
    ...EVERYONE,
    "customer.readAll",
    "upload.read",
    "policy.write",
    "policy.approve",
    "run.start",
    "run.cancel",
    "override.decide",
  ],
  credit_officer: [...EVERYONE, "override.propose"],
} as const satisfies Record<Role, readonly Permission[]>;

/** True when the role holds the permission. */
export function can(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
