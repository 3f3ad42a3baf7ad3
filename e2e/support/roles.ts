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

/**
 * One Playwright project per role, run in this order: each role's day builds on the previous one
 * (the admin's uploads, then the risk manager's policy and run, then the officer's override).
 */
export const ROLE_PROJECTS: readonly { name: string; dependencies: string[] }[] = [
  { name: "anonymous", dependencies: [] },
];
