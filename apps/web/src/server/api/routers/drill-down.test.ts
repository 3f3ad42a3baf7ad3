import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitForBackgroundRuns } from "../../runs/job-queue";
import { callerFor, createTestApp, failureOf, signIn, type TestApp } from "../../testing/test-app";
import { previewThrough } from "../../testing/policy-preview";

const PERIOD = "2025";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type PolicyDocument = {
  tiers: { minContribution: number }[];
  clustering: { seed: number };
  warnings: { maxSignalRatePct: number; minGroupSize: number };
};

/**
 * A draft with the core threshold lowered (more customers become core), another clustering seed, and early-warning
 * limits low enough that the small world's roll-up groups raise warnings.
 */
async function draftLowerCore(author: Caller): Promise<number> {
  const draft = await author.policy.createDraft({ changeNote: "lower the core bar" });
  const document = structuredClone(draft.document) as PolicyDocument;
  document.tiers[0]!.minContribution = Math.round(document.tiers[0]!.minContribution / 4);
  document.clustering.seed += 1;
  document.warnings.maxSignalRatePct = 1;
  document.warnings.minGroupSize = 1;
  await author.policy.update({ version: draft.version, document });
  return draft.version;
}

describeEachDb("lists opened from a migration or impact cell hold exactly the cell's customers", (kind) => {
  let app: TestApp;
  let risk: Caller;
  let risk2: Caller;
  let officer: Caller;
  let firstRunId: number;
  let secondRunId: number;

  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemoWorld(app.handle, { customers: 80, period: PERIOD, seed: 11 });
    risk = await callerFor(app, await signIn(app, "risk@creditseg.local", DEMO_PASSWORD));
    risk2 = await callerFor(app, await signIn(app, "risk2@creditseg.local", DEMO_PASSWORD));
    officer = await callerFor(app, await signIn(app, "officer@creditseg.local", DEMO_PASSWORD));
    firstRunId = (await risk.segmentRun.start({ period: PERIOD })).id;
    await waitForBackgroundRuns();
    const version = await draftLowerCore(risk);
    await risk.policy.submit({ version });
    await risk2.policy.approve({ version });
    secondRunId = (await risk.segmentRun.start({ period: PERIOD })).id;
    await waitForBackgroundRuns();
  }, 300_000);
  afterAll(async () => {
    await waitForBackgroundRuns();
    await app?.close();
  });

  /** The list filter a cell of the migration matrix opens, as the runs page builds it. */
  const cellFilter = (dimension: "tier" | "grade" | "cluster", from: string | null, to: string | null) => ({
    runId: secondRunId,
    ...(dimension === "tier" ? { tiers: [to!] } : {}),
    ...(dimension === "grade" ? { grades: [to as "AAA"] } : {}),
    ...(dimension === "cluster" ? (to === null ? { isWithoutCluster: true } : { clusters: [Number(to)] }) : {}),
    migration: { fromRunId: firstRunId, dimension, from: [from ?? "none"], to: [to ?? "none"] },
  });

  it.each(["tier", "grade", "cluster"] as const)(
    "counts and lists each %s migration cell's customers, for the whole bank and for an officer",
    async (dimension) => {
      for (const caller of [risk, officer]) {
        const { cells } = await caller.segment.migration({ fromRunId: firstRunId, toRunId: secondRunId, dimension });
        // Every cluster cell is linked, "no cluster" (customers without loans) too.
        const linked = cells.filter((cell) => dimension === "cluster" || cell.to !== null);
        expect(linked.length).toBeGreaterThan(0);
        if (dimension === "cluster" && caller === risk) expect(cells.some((cell) => cell.to === null)).toBe(true);
        for (const cell of linked) {
          const filter = cellFilter(dimension, cell.from, cell.to);
          expect((await caller.customer.count(filter)).total).toBe(cell.customers);
          const list = await caller.customer.list({ ...filter, limit: 200 });
          expect([list.total, list.items.length]).toEqual([cell.customers, cell.customers]);
        }
      }
    },
  );

  it("counts and lists each tier × cluster cell and each cluster's customers, no cluster included", async () => {
    for (const caller of [risk, officer]) {
      const summary = (await caller.segment.summary({ runId: secondRunId }))!;
      // The seeded bank has customers without loans (the officer's book may not).
      if (caller === risk) expect(summary.tierCluster.some((cell) => cell.cluster === null)).toBe(true);
      const clusterFilter = (cluster: number | null) =>
        cluster === null ? { isWithoutCluster: true } : { clusters: [cluster] };
      for (const cell of summary.tierCluster) {
        const filter = { runId: secondRunId, tiers: [cell.tier], ...clusterFilter(cell.cluster) };
        expect([cell, (await caller.customer.count(filter)).total]).toEqual([cell, cell.customers]);
      }
      for (const row of summary.byCluster) {
        const list = await caller.customer.list({ runId: secondRunId, ...clusterFilter(row.cluster), limit: 200 });
        expect([row.cluster, list.total]).toEqual([row.cluster, row.customers]);
        if (row.cluster === null) expect(list.items.every((item) => item.cluster === null)).toBe(true);
      }
    }
  });

  it("moves customers into the core tier between the runs, and the moved cell's list shows them there", async () => {
    const { cells } = await risk.segment.migration({
      fromRunId: firstRunId,
      toRunId: secondRunId,
      dimension: "tier",
    });
    const intoCore = cells.filter((cell) => cell.to === "core" && cell.from !== "core");
    expect(intoCore.reduce((n, cell) => n + cell.customers, 0)).toBeGreaterThan(0);
    const cell = intoCore[0]!;
    const list = await risk.customer.list({ ...cellFilter("tier", cell.from, "core"), limit: 200 });
    expect(new Set(list.items.map((row) => row.effectiveTier))).toEqual(new Set(["core"]));
  });

  it("counts and lists the customers a draft would move, cell by cell and all of them", async () => {
    const version = await draftLowerCore(risk);
    const impact = await previewThrough(risk, { version, period: PERIOD });
    const changed = await risk.customer.list({ draft: { version, period: PERIOD, dimension: "tier" }, limit: 200 });
    expect(impact.migration.tiers.movedCount).toBeGreaterThan(0);
    expect([changed.total, changed.items.length]).toEqual([
      impact.migration.tiers.movedCount,
      impact.migration.tiers.movedCount,
    ]);
    for (const dimension of ["tier", "grade"] as const) {
      const matrix = dimension === "tier" ? impact.migration.tiers : impact.migration.grades;
      for (const [i, from] of matrix.labels.entries())
        for (const [j, to] of matrix.labels.entries()) {
          const draft = { version, period: PERIOD, dimension, from: [from], to: [to] };
          expect((await risk.customer.count({ draft })).total).toBe(matrix.counts[i]![j]);
        }
    }
  });

  it("counts and lists each Pareto point's customers, the largest contributors first", async () => {
    for (const caller of [risk, officer]) {
      const summary = (await caller.segment.summary({ runId: secondRunId }))!;
      for (const point of summary.concentration.pareto) {
        const list = await caller.customer.list({ runId: secondRunId, topPct: point.customerSharePct, limit: 200 });
        expect([point.customerSharePct, list.total, list.items.length]).toEqual([
          point.customerSharePct,
          point.customers,
          Math.min(point.customers, 200),
        ]);
      }
      // The top slice is the largest contributors: nobody outside it earns more than anyone in it.
      const top = await caller.customer.list({ runId: secondRunId, topPct: 20, limit: 200 });
      const all = await caller.customer.list({ runId: secondRunId, limit: 200 });
      const inTop = new Set(top.items.map((row) => row.customerId));
      const smallestIn = top.items.at(-1)!.contributionFen!;
      for (const row of all.items)
        if (!inTop.has(row.customerId)) expect(row.contributionFen! <= smallestIn).toBe(true);
    }
  });

  it.each(["admin", "risk", "officer"] as const)(
    "lists each roll-up project group's projects, as many as the group counts, for the %s (own projects for an officer)",
    async (who) => {
      const email = {
        admin: "admin@creditseg.local",
        risk: "risk@creditseg.local",
        officer: "officer@creditseg.local",
      };
      const caller = await callerFor(app, await signIn(app, email[who], DEMO_PASSWORD));
      const { groups } = await caller.segment.projectGroups({ runId: secondRunId });
      const { warnings } = await caller.segment.warnings({ runId: secondRunId });
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        const list = await caller.project.list({ groupRunId: secondRunId, groupKey: group.groupKey, limit: 200 });
        expect([group.groupKey, list.items.length]).toEqual([group.groupKey, group.projectCount]);
        for (const project of list.items)
          expect([project.industry, project.region, project.riskLevel]).toEqual([
            group.industry,
            group.region,
            group.riskLevel,
          ]);
      }
      // A warning opens its group's projects: every warned group is one of the listed groups, with projects.
      if (who !== "officer") expect(warnings.length).toBeGreaterThan(0);
      const counts = new Map(groups.map((group) => [group.groupKey, group.projectCount]));
      for (const warning of warnings) expect(counts.get(warning.groupKey) ?? 0).toBeGreaterThan(0);
    },
  );

  it("refuses a roll-up group without its run, or with a group number as well", async () => {
    expect(await failureOf(risk.project.list({ groupKey: "a|b|low" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await failureOf(risk.project.list({ groupRunId: secondRunId, groupNo: 0, groupKey: "a|b|low" })),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a draft's impact list to an officer", async () => {
    expect(
      await failureOf(officer.customer.count({ draft: { version: 1, period: PERIOD, dimension: "tier" } })),
    ).toEqual({ code: "FORBIDDEN", appCode: "NOT_PERMITTED" });
  });
});
