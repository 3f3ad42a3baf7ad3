import { computeAdjustedRandIndex } from "@creditseg/core";
import { listCustomers, listProjects, resolveRun, type DbHandle, type ResolvedRun } from "@creditseg/db";
import { plantedCustomerGroup, plantedProjectGroup } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRun } from "../runs/start-run";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { listCustomerGroupMembers, listGroupFits } from "./group-queries";
import { readCustomerGroups, readFoundGroupHistory, readFoundProjectGroups, readGroupOfCustomer } from "./group-views";

/** The demo world's size and seed here: large enough for its planted groups to be groups, small enough for a test. */
const CUSTOMERS = 1_000;
const WORLD = { customers: CUSTOMERS, period: TEST_PERIOD, seed: 7 };
const OFFICER = "O001";

async function runToCompletion(handle: DbHandle): Promise<number> {
  const { run, completion } = await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD });
  expect(await completion).toMatchObject({ status: "succeeded" });
  return run.id;
}

describeEachDb("customer and project groups as screens read them", (kind) => {
  let handle: DbHandle;
  let firstRun: number;
  let secondRun: ResolvedRun;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, CUSTOMERS);
    firstRun = await runToCompletion(handle);
    secondRun = (await resolveRun(handle.db, { runId: await runToCompletion(handle) }))!;
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("chooses the demo world's planted k and recovers its planted groups", async () => {
    const fits = await listGroupFits(handle, { runId: firstRun });
    const customerFit = fits.find((f) => f.subject === "customers")!;
    const projectFit = fits.find((f) => f.subject === "projects")!;
    // Three customer archetypes; four project sectors plus the distressed projects across them.
    expect(customerFit.k).toBe(3);
    expect(projectFit.k).toBe(5);

    const members = await handle.raw<{ customerId: string; groupNo: number; hasLoans: boolean }>(
      `select m.customer_id as "customerId", m.group_no as "groupNo",
              exists (select 1 from loans l where l.customer_id = m.customer_id) as "hasLoans"
         from customer_group_members m where m.run_id = $1 order by m.customer_id`,
      [firstRun],
    );
    const planted = members.map((m) => ({
      ...m,
      planted: plantedCustomerGroup(Number(m.customerId.slice(1)) - 1, WORLD),
    }));
    const inArchetype = planted.filter((m) => m.planted !== null);
    const withLoans = inArchetype.filter((m) => m.hasLoans);
    // A customer without loans has no product usage to tell its archetype by: the groups overlap there.
    expect(
      computeAdjustedRandIndex(
        withLoans.map((m) => m.planted!),
        withLoans.map((m) => m.groupNo),
      ),
    ).toBeGreaterThanOrEqual(0.9);
    expect(
      computeAdjustedRandIndex(
        inArchetype.map((m) => m.planted!),
        inArchetype.map((m) => m.groupNo),
      ),
    ).toBeGreaterThanOrEqual(0.8);

    const projects = await handle.raw<{ industry: string; overdueDays: number; groupNo: number }>(
      `select p.industry, p.overdue_days as "overdueDays", m.group_no as "groupNo"
         from found_project_group_members m join projects p on p.project_id = m.project_id and p.period = $2
        where m.run_id = $1 order by p.project_id`,
      [firstRun, TEST_PERIOD],
    );
    const labels = [...new Set(projects.map(plantedProjectGroup))];
    expect(
      computeAdjustedRandIndex(
        projects.map((p) => labels.indexOf(plantedProjectGroup(p))),
        projects.map((p) => p.groupNo),
      ),
    ).toBeGreaterThanOrEqual(0.8);
    // The distressed group is among those the group-level early warning fires on.
    const found = await readFoundProjectGroups(handle, { runId: firstRun, scope: "all" });
    const warned = found.filter((g) => g.warnings.some((w) => w.code === "group.signal_rate_above_limit"));
    const distressed = found.filter((g) => g.name.parts[0]?.attribute === "overdue_days");
    expect(distressed).toHaveLength(1);
    expect(distressed[0]!.name.parts[0]).toMatchObject({ level: "high" });
    expect(warned).toContainEqual(distressed[0]);
  });

  it("gives an officer the groups with every summed figure over the officer's own members", async () => {
    const all = await readCustomerGroups(handle, { runId: firstRun, scope: "all" });
    const own = await readCustomerGroups(handle, { runId: firstRun, scope: { officer: OFFICER } });
    expect(own.length).toBeGreaterThan(0);
    const [expected] = await handle.raw<{ n: number; contribution: string }>(
      `select count(*)::int as n, sum(contribution_fen)::text as contribution from segment_results where run_id = $1 and officer = $2`,
      [firstRun, OFFICER],
    );
    expect(own.reduce((s, g) => s + g.memberCount, 0)).toBe(expected!.n);
    expect(own.reduce((s, g) => s + BigInt(g.contributionFen), 0n)).toBe(BigInt(expected!.contribution));
    for (const group of own) {
      // The API's serializer refuses a `prototype` property: views never carry one.
      expect(Object.keys(group)).not.toContain("prototype");
      const bank = all.find((g) => g.groupNo === group.groupNo)!;
      expect(group.name).toEqual(bank.name);
      expect(group.guidance).toEqual(bank.guidance);
      expect(group.memberCount).toBeLessThan(bank.memberCount);
      expect(Object.values(group.tierMix).reduce((s, n) => s + n, 0)).toBe(group.memberCount);
      expect(Object.keys(group.tierMix)).toEqual(Object.keys(bank.tierMix));
      expect(group.nplRatioPct).toBeNull();
    }

    const projectsAll = await readFoundProjectGroups(handle, { runId: firstRun, scope: "all" });
    const projectsOwn = await readFoundProjectGroups(handle, { runId: firstRun, scope: { officer: OFFICER } });
    const run = (await resolveRun(handle.db, { runId: firstRun }))!;
    for (const group of projectsOwn) {
      const listed = await listProjects(handle.db, {
        scope: { officer: OFFICER },
        foundGroup: { run, groupNo: group.groupNo },
        limit: 1_000,
      });
      expect(listed.length).toBe(group.memberCount);
      expect(group.memberCount).toBeLessThanOrEqual(projectsAll.find((g) => g.groupNo === group.groupNo)!.size);
    }
  });

  it("lists a group's customers and projects through the app's own lists, filtered by run and group", async () => {
    const run = (await resolveRun(handle.db, { runId: firstRun }))!;
    const groups = await readCustomerGroups(handle, { runId: firstRun, scope: "all" });
    for (const group of groups) {
      const rows = await listCustomers(handle.db, {
        run,
        scope: "all",
        filter: { customerGroups: [group.groupNo] },
        sort: "customerId",
        direction: "asc",
        limit: 2_000,
      });
      const members = await listCustomerGroupMembers(handle, { runId: firstRun, groupNo: group.groupNo, limit: 1_000 });
      expect(rows.map((r) => r.customerId)).toEqual(members);
      const inGroup = await readGroupOfCustomer(handle, { runId: firstRun, customerId: rows[0]!.customerId });
      expect(inGroup?.groupNo).toBe(group.groupNo);
    }
    const found = await readFoundProjectGroups(handle, { runId: firstRun, scope: "all" });
    let listed = 0;
    for (const group of found) {
      const rows = await listProjects(handle.db, {
        scope: "all",
        foundGroup: { run, groupNo: group.groupNo },
        limit: 1_000,
      });
      expect(rows.length).toBe(group.size);
      listed += rows.length;
    }
    const [{ n }] = (await handle.raw<{ n: number }>("select count(*)::int as n from projects where period = $1", [
      TEST_PERIOD,
    ])) as [{ n: number }];
    expect(listed).toBe(n);
  });

  it("follows a found project group back through the runs it was matched in", async () => {
    const found = await readFoundProjectGroups(handle, { runId: secondRun.id, scope: "all" });
    for (const group of found) {
      const points = await readFoundGroupHistory(handle, { runId: secondRun.id, groupNo: group.groupNo, scope: "all" });
      expect(points.map((p) => p.runId)).toEqual([firstRun, secondRun.id]);
      expect(points[0]!.groupNo).toBe(group.previousGroupNo);
      expect(points[1]).toMatchObject({ groupNo: group.groupNo, signalRatePct: group.signalRatePct, size: group.size });
    }
    const own = await readFoundProjectGroups(handle, { runId: secondRun.id, scope: { officer: OFFICER } });
    const history = await readFoundGroupHistory(handle, {
      runId: secondRun.id,
      groupNo: own[0]!.groupNo,
      scope: { officer: OFFICER },
    });
    expect(history.at(-1)).toMatchObject({ size: own[0]!.memberCount, signalCount: own[0]!.signalCount });
  });
});
