import type { DbHandle } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createTestDb, type TestDbKind } from "@creditseg/db/testing";
import type { Actor } from "../actor";

/** The seeded demo users as actors. */
export const ACTORS = {
  admin: { id: "demo-admin", role: "admin" },
  risk: { id: "demo-risk", role: "risk_manager" },
  risk2: { id: "demo-risk2", role: "risk_manager" },
  officer: { id: "demo-officer", role: "credit_officer" },
  officer2: { id: "demo-officer2", role: "credit_officer" },
} as const satisfies Record<string, Actor>;

export const TEST_PERIOD = "2025";

/** A migrated test database holding the demo world (a few hundred customers, one period) and its demo users. */
export async function createSeededWorld(kind: TestDbKind, customers = 300): Promise<DbHandle> {
  const handle = await createTestDb(kind);
  await seedDemoWorld(handle, { customers, period: TEST_PERIOD, seed: 7 });
  return handle;
}
