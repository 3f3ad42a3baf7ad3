import path from "node:path";
import { repoRoot } from "../env";

/** Demo accounts the seed creates (see `creditseg db seed`); one password for all of them. */
export const DEMO_PASSWORD = "CreditSeg#2025";

export const DEMO_USERS = {
  admin: "admin@creditseg.local",
  risk_manager: "risk@creditseg.local",
  second_risk_manager: "risk2@creditseg.local",
  credit_officer: "officer@creditseg.local",
  second_credit_officer: "officer2@creditseg.local",
} as const;

export type DemoUser = keyof typeof DEMO_USERS;

/** Where a demo user's signed-in browser state is kept between the set-up and the role projects. */
export function storageStatePath(user: DemoUser): string {
  return path.join(repoRoot, "e2e", "artifacts", "auth", `${user}.json`);
}

/**
 * One Playwright project per role, after a set-up project that signs every demo user in once (the
 * sign-in form itself is exercised there and by the anonymous project).
 */
export const ROLE_PROJECTS: readonly { name: string; dependencies: string[]; storageState?: string }[] = [
  { name: "setup", dependencies: [] },
  { name: "anonymous", dependencies: [] },
  { name: "admin", dependencies: ["setup"], storageState: storageStatePath("admin") },
  { name: "risk_manager", dependencies: ["setup"], storageState: storageStatePath("risk_manager") },
  { name: "credit_officer", dependencies: ["setup"], storageState: storageStatePath("credit_officer") },
];
