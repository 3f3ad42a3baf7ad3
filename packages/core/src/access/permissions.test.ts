import { describe, expect, it } from "vitest";
import { ROLES } from "../constants";
import { PERMISSIONS, can, type Permission } from "./permissions";

const EXPECTED: Record<Permission, readonly string[]> = {
  "customer.read": ["admin", "risk_manager", "credit_officer"],
  "customer.readAll": ["admin", "risk_manager"],
  "loan.read": ["admin", "risk_manager", "credit_officer"],
  "project.read": ["admin", "risk_manager", "credit_officer"],
  "upload.read": ["admin", "risk_manager"],
  "upload.commit": ["admin"],
  "upload.rollback": ["admin"],
  "mapping.write": ["admin"],
  "policy.read": ["admin", "risk_manager", "credit_officer"],
  "policy.write": ["risk_manager"],
  "policy.approve": ["risk_manager"],
  "run.read": ["admin", "risk_manager", "credit_officer"],
  "run.start": ["risk_manager"],
  "run.cancel": ["risk_manager"],
  "segment.read": ["admin", "risk_manager", "credit_officer"],
  "override.propose": ["credit_officer"],
  "override.decide": ["risk_manager"],
  "user.manage": ["admin"],
  "audit.read": ["admin"],
  "export.customers": ["admin", "risk_manager", "credit_officer"],
};

describe("can", () => {
  it("covers every permission in the table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(
    PERMISSIONS.flatMap((permission) =>
      ROLES.map((role) => [role, permission, EXPECTED[permission].includes(role)] as const),
    ),
  )("%s may %s: %s", (role, permission, isAllowed) => {
    expect(can(role, permission)).toBe(isAllowed);
  });
});
