import { migrateDb } from "@creditseg/db";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createLocatedDb, testDbKinds } from "@creditseg/db/testing";
import { describe, expect, it } from "vitest";
import { killRunMidWrite } from "../testing/kill-run-mid-write";
import { ACTORS, TEST_PERIOD } from "../testing/seeded-world";
import { getRun, listRuns } from "./run-queries";
import { startRun } from "./start-run";

describe.each(testDbKinds())("a run whose process is killed (SIGKILL) while writing its results [%s]", (kind) => {
  it("is marked failed on the next list, stores nothing, and leaves the previous run current", async () => {
    const db = await createLocatedDb(kind);
    try {
      let handle = await db.open();
      await migrateDb(handle);
      await seedDemoWorld(handle, { customers: 200, period: TEST_PERIOD, seed: 11 });
      const first = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
      expect(first.status).toBe("succeeded");
      await handle.close();

      const killed = await killRunMidWrite(db.location, TEST_PERIOD);
      expect(killed).toEqual({ signal: "SIGKILL", exitCode: null, hasReachedWriting: true, stderr: "" });

      handle = await db.open();
      try {
        const [orphan] = await handle.raw<{ id: number; status: string }>(
          "select id, status::text as status from segment_runs where id <> $1",
          [first.runId],
        );
        expect(orphan?.status).toBe("running");
        const runs = await listRuns(handle, { period: TEST_PERIOD });
        expect(runs.map((r) => [r.id, r.status, r.isCurrent])).toEqual([
          [orphan!.id, "failed", false],
          [first.runId, "succeeded", true],
        ]);
        const orphaned = await getRun(handle, { runId: orphan!.id });
        expect(orphaned.error).toMatch(/worker process .* stopped before the run finished/);
        expect(orphaned.failure).toEqual({
          code: "worker_stopped",
          params: { worker: expect.stringMatching(/^\d+@/) },
        });
        const [leftovers] = await handle.raw<{ n: number }>(
          `select ((select count(*) from segment_results where run_id = $1) + (select count(*) from cluster_assignments where run_id = $1)
                 + (select count(*) from clusters where run_id = $1) + (select count(*) from project_groups where run_id = $1))::int as n`,
          [orphan!.id],
        );
        expect(leftovers?.n).toBe(0);
        const [audit] = await handle.raw<{ n: number }>(
          "select count(*)::int as n from audit_log where action = 'run.failed' and entity_id = $1 and actor_id is null",
          [String(orphan!.id)],
        );
        expect(audit?.n).toBe(1);
        // The period is free again.
        expect((await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion).status).toBe(
          "succeeded",
        );
      } finally {
        await handle.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
