import { can } from "@creditseg/core/access";
import type { Role } from "@creditseg/core/constants";

export type NavKey =
  | "dashboard"
  | "customers"
  | "myCustomers"
  | "runs"
  | "policies"
  | "clusters"
  | "projects"
  | "overrides"
  | "uploads"
  | "users"
  | "audit";
export type NavItem = { key: NavKey; href: string };

/**
 * The pages each role works in, in the order of its day. Reading is broad on the server; the
 * navigation stays focused on what the role does (runs and policies belong to risk managers).
 */
export function listNavItems(role: Role): NavItem[] {
  const items: NavItem[] = [{ key: "dashboard", href: "/" }];
  items.push({ key: role === "credit_officer" ? "myCustomers" : "customers", href: "/customers" });
  if (can(role, "run.start")) items.push({ key: "runs", href: "/runs" });
  if (can(role, "policy.write"))
    items.push({ key: "policies", href: "/policies" }, { key: "clusters", href: "/clusters" });
  if (role !== "admin") items.push({ key: "projects", href: "/projects" });
  if (can(role, "override.decide") || can(role, "override.propose"))
    items.push({ key: "overrides", href: "/overrides" });
  if (can(role, "upload.read")) items.push({ key: "uploads", href: "/uploads" });
  if (can(role, "user.manage")) items.push({ key: "users", href: "/users" });
  if (can(role, "audit.read")) items.push({ key: "audit", href: "/audit" });
  return items;
}
