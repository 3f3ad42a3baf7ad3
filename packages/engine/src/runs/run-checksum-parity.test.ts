import { readFileSync } from "node:fs";
import { seedDemoWorld } from "@creditseg/db/seed";
import { createTestDb, testDbKinds } from "@creditseg/db/testing";
import { describe, expect, it } from "vitest";
import { ACTORS, TEST_PERIOD } from "../testing/seeded-world";
import { verifyRunChecksum } from "./result-checksum";
import { startRun } from "./start-run";

type FixtureWorld = {
  name: string;
  seed: { customers: number; loans?: number; seed: number };
  firstRun: string;
  secondRun: string;
};

/**
 * Checksums of everything a run stores, recorded from the code that held the whole period in memory (see the
 * fixture's `recordedWith`): the run that reads customers page by page must store the very same rows. The second run
 * of each world compares with the first (migration, cluster and group matching), so that path is covered too.
 */
const fixture = JSON.parse(readFileSync(new URL("./__fixtures__/run-checksums.json", import.meta.url), "utf8")) as {
  worlds: FixtureWorld[];
};

describe.each(testDbKinds())("a run stores the same rows as the in-memory run did [%s]", (kind) => {
  it.each(fixture.worlds.map((w) => [w.name, w] as const))(
    "on the %s world, first and second run",
    async (_name, world) => {
      const handle = await createTestDb(kind);
      try {
        await seedDemoWorld(handle, { ...world.seed, period: TEST_PERIOD });
        const checksums: string[] = [];
        for (let i = 0; i < 2; i++) {
          const outcome = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
          if (outcome.status !== "succeeded") throw new Error(outcome.error);
          expect((await verifyRunChecksum(handle, { runId: outcome.runId })).isMatch).toBe(true);
          checksums.push(outcome.resultChecksum);
        }
        expect(checksums).toEqual([world.firstRun, world.secondRun]);
      } finally {
        await handle.close();
      }
    },
    300_000,
  );
});
