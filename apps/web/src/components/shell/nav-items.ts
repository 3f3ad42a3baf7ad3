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
  | "groups"
  | "overrides"
  | "uploads"
  | "users"
  | "audit";
/**
 * The seed's two ways of dividing customers, side by side in the navigation: 客户细分 (rules people set: the
 * customer list by tier and grade, the policies that define them) and 客户群体 (groups found in data: benefit
 * clusters, customer groups, project groups).
 */
export type NavSection = "segmentation" | "grouping";
export type NavItem = { key: NavKey; href: string; section?: NavSection };

/**
 * The pages each role works in, in the order of its day. Reading is broad on the server; the
 * navigation stays focused on what the role does (runs and policies belong to risk managers).
 */
export function listNavItems(role: Role): NavItem[] {
  const items: NavItem[] = [{ key: "dashboard", href: "/" }];
  items.push({
    key: role === "credit_officer" ? "myCustomers" : "customers",
    href: "/customers",
    section: "segmentation",
  });
  if (can(role, "policy.write")) items.push({ key: "policies", href: "/policies", section: "segmentation" });
  if (can(role, "policy.write")) items.push({ key: "clusters", href: "/clusters", section: "grouping" });
  items.push({ key: "groups", href: "/groups", section: "grouping" });
  if (role !== "admin") items.push({ key: "projects", href: "/projects", section: "grouping" });
  if (can(role, "run.start")) items.push({ key: "runs", href: "/runs" });
  if (can(role, "override.decide") || can(role, "override.propose"))
    items.push({ key: "overrides", href: "/overrides" });
  if (can(role, "upload.read")) items.push({ key: "uploads", href: "/uploads" });
  if (can(role, "user.manage")) items.push({ key: "users", href: "/users" });
  if (can(role, "audit.read")) items.push({ key: "audit", href: "/audit" });
  return items;
}
