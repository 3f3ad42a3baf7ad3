import { renderClusterLabel, type ClusterLabel } from "@creditseg/core/clustering";
import { migrateDb, type DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { CLUSTERS_CHECKSUM_ROW, verifyRunChecksum } from "./result-checksum";
import { startRun } from "./start-run";

const OLD_CLUSTERS_ROW = "row(cluster_no, size, centroid_raw, centroid, profile, label_zh, label_en)::text";

/**
 * Puts a run's clusters back in the shape the release before migration 0009 stored — the name as words in
 * label_zh / label_en and in the profile's label — and marks 0009 as not applied, so `migrateDb` runs it on them.
 */
async function storeClustersAsBefore0009(handle: DbHandle, runId: number): Promise<void> {
  const rows = await handle.raw<{ cluster_no: number; label: ClusterLabel }>(
    "select cluster_no, label from clusters where run_id = $1",
    [runId],
  );
  await handle.raw("alter table clusters add column label_zh text, add column label_en text");
  for (const row of rows) {
    const words = { zh: renderClusterLabel(row.label, "zh-CN"), en: renderClusterLabel(row.label, "en") };
    await handle.raw(
      `update clusters set label_zh = $3, label_en = $4, profile = jsonb_set(profile, '{label}', $5::text::jsonb)
        where run_id = $1 and cluster_no = $2`,
      [runId, row.cluster_no, words.zh, words.en, JSON.stringify(words)],
    );
  }
  await handle.raw("alter table clusters drop column label");
  // The migrator applies every migration newer than the last one recorded, so 0009 (the tenth) and those after it
  // are forgotten and run again; the later ones are written to be re-runnable (`if not exists`).
  const [m0009] = await handle.raw<{ created_at: string }>(
    "select created_at::text from drizzle.__drizzle_migrations order by created_at offset 9 limit 1",
  );
  expect(m0009).toBeDefined();
  await handle.raw("delete from drizzle.__drizzle_migrations where created_at >= $1::bigint", [m0009!.created_at]);
}

describeEachDb("migration 0009: cluster names become code + parameters", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 120);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("reads older clusters' names back as codes, and their checksum rows keep the text they were hashed over", async () => {
    const { run, completion } = await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD });
    expect((await completion).status).toBe("succeeded");
    const labels = await handle.raw<{ cluster_no: number; label: ClusterLabel }>(
      "select cluster_no, label from clusters where run_id = $1 order by cluster_no",
      [run.id],
    );
    expect(labels.length).toBeGreaterThan(0);

    await storeClustersAsBefore0009(handle, run.id);
    const hashedBefore = await handle.raw<{ t: string }>(
      `select ${OLD_CLUSTERS_ROW} as t from clusters where run_id = $1 order by cluster_no`,
      [run.id],
    );
    await migrateDb(handle);
    const [applied] = await handle.raw<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied!.n).toBeGreaterThanOrEqual(9);

    // The row text the checksum hashes is the same as before the migration: an older run's checksum still verifies.
    const hashedAfter = await handle.raw<{ t: string }>(
      `select ${CLUSTERS_CHECKSUM_ROW} as t from clusters where run_id = $1 order by cluster_no`,
      [run.id],
    );
    expect(hashedAfter).toEqual(hashedBefore);
    // The name is read back as the code and parameters the run had made.
    expect(
      await handle.raw("select cluster_no, label from clusters where run_id = $1 order by cluster_no", [run.id]),
    ).toEqual(labels);

    // A run made after the migration stores and verifies its own checksum.
    const next = await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD });
    expect((await next.completion).status).toBe("succeeded");
    expect(await verifyRunChecksum(handle, { runId: next.run.id })).toMatchObject({ isMatch: true });
  });
});
