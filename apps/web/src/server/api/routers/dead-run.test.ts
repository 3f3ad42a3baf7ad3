import { migrateDb } from "@creditseg/db";
import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { createLocatedDb, testDbKinds } from "@creditseg/db/testing";
import { startRun } from "@creditseg/engine";
import { killRunMidWrite } from "@creditseg/engine/testing";
import { describe, expect, it } from "vitest";
import { callerFor, createTestAppOn, signIn } from "../../testing/test-app";

const PERIOD = "2025";

describe.each(testDbKinds())("a run whose worker was killed with SIGKILL, on the web's run list [%s]", (kind) => {
  it("reads failed on the list and by id, never running, and the previous run stays current", async () => {
    const db = await createLocatedDb(kind);
    try {
      let handle = await db.open();
      await migrateDb(handle);
      await seedDemoWorld(handle, { customers: 80, period: PERIOD, seed: 3 });
      const first = await (
        await startRun(handle, { actor: { id: "demo-risk", role: "risk_manager" }, period: PERIOD })
      ).completion;
      expect(first.status).toBe("succeeded");
      await handle.close();

      // A second process runs the engine and is killed with SIGKILL inside its results transaction.
      const killed = await killRunMidWrite(db.location, PERIOD);
      expect(killed).toMatchObject({ signal: "SIGKILL", hasReachedWriting: true });

      handle = await db.open();
      const app = createTestAppOn(handle);
      try {
        const risk = await callerFor(app, await signIn(app, "risk@creditseg.local", DEMO_PASSWORD));
        const page = await risk.segmentRun.list({ period: PERIOD, limit: 10 });
        const orphan = page.items.find((run) => run.id !== first.runId)!;
        expect(page.items.map((run) => [run.id, run.status, run.isCurrent])).toEqual([
          [orphan.id, "failed", false],
          [first.runId, "succeeded", true],
        ]);
        const byId = await risk.segmentRun.byId({ runId: orphan.id });
        expect(byId.status).toBe("failed");
        expect(byId.error).toMatch(/worker process .* stopped before the run finished/);
        expect((await risk.segmentRun.current({ period: PERIOD }))?.id).toBe(first.runId);
      } finally {
        await app.close();
      }
    } finally {
      await db.dispose();
    }
  }, 300_000);
});
