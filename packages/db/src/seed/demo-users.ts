import type { Role } from "@creditseg/core/constants";

/** Password of every demo user; printed by `creditseg db seed` and stated in the README. */
export const DEMO_PASSWORD = "CreditSeg#2025";

export type DemoUser = { id: string; email: string; name: string; role: Role; officerCode: string | null };

/** One demo user per role, a second risk manager for four-eyes approval, and a second officer for data scope. */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: "demo-admin", email: "admin@creditseg.local", name: "系统管理员 Admin", role: "admin", officerCode: null },
  { id: "demo-risk", email: "risk@creditseg.local", name: "风险经理 Li Wei", role: "risk_manager", officerCode: null },
  {
    id: "demo-risk2",
    email: "risk2@creditseg.local",
    name: "风险经理 Zhao Min",
    role: "risk_manager",
    officerCode: null,
  },
  {
    id: "demo-officer",
    email: "officer@creditseg.local",
    name: "客户经理 Wang Fang",
    role: "credit_officer",
    officerCode: "O001",
  },
  {
    id: "demo-officer2",
    email: "officer2@creditseg.local",
    name: "客户经理 Chen Jie",
    role: "credit_officer",
    officerCode: "O002",
  },
];
