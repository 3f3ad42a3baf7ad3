import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyRunChecksum } from "../runs/result-checksum";
import { startRun } from "../runs/start-run";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import {
  findCustomerGroupNo,
  listCustomerGroupMembers,
  listCustomerGroups,
  listFoundProjectGroups,
  listGroupFits,
} from "./group-queries";

async function runToCompletion(handle: DbHandle): Promise<number> {
  const { run, completion } = await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD });
  const outcome = await completion;
  expect(outcome).toMatchObject({ status: "succeeded" });
  return run.id;
}

describeEachDb("customer and project groups of a run", (kind) => {
  let handle: DbHandle;
  let firstRun: number;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 400);
    firstRun = await runToCompletion(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("stores customer groups with profiles, name codes, mixes, NPL, contribution and guidance", async () => {
    const fits = await listGroupFits(handle, { runId: firstRun });
    expect(fits.map((f) => f.subject)).toEqual(["customers", "projects"]);
    const customerFit = fits[0]!;
    expect(customerFit.skipped).toBeNull();
    expect(customerFit.k).toBeGreaterThanOrEqual(2);
    expect(customerFit.selection!.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(customerFit.attributes!.categorical).toEqual(["industry", "size", "main_guarantee"]);

    const groups = await listCustomerGroups(handle, { runId: firstRun });
    expect(groups).toHaveLength(customerFit.k!);
    const [{ n }] = (await handle.raw<{ n: number }>(
      "select count(*)::int as n from segment_results where run_id = $1",
      [firstRun],
    )) as [{ n: number }];
    expect(groups.reduce((s, g) => s + g.size, 0)).toBe(n);
    for (const group of groups) {
      expect(group.name.parts.length).toBeGreaterThan(0);
      expect(Object.values(group.tierMix).reduce((s, x) => s + x, 0)).toBe(group.size);
      expect(Object.values(group.gradeMix).reduce((s, x) => s + x, 0)).toBe(group.size);
      expect(group.profile.numeric.map((t) => t.attribute)).toContain("secured_share");
      expect(group.previousGroupNo).toBeNull();
    }
    const contribution = groups.reduce((s, g) => s + BigInt(g.contributionFen), 0n);
    const [total] = await handle.raw<{ fen: string }>(
      "select sum(contribution_fen)::text as fen from segment_results where run_id = $1",
      [firstRun],
    );
    expect(contribution).toBe(BigInt(total!.fen));
    // The demo world's asset-light tech firms come out as a group the policy offers IP-pledge loans.
    const ipPledge = groups.filter((g) => g.guidance.some((m) => m.code === "ip_pledge_loan"));
    expect(ipPledge.length).toBeGreaterThan(0);

    const members = await listCustomerGroupMembers(handle, { runId: firstRun, groupNo: 0, limit: 1000 });
    expect(members).toHaveLength(groups[0]!.size);
    expect(await findCustomerGroupNo(handle, { runId: firstRun, customerId: members[0]! })).toBe(0);
    expect((await verifyRunChecksum(handle, { runId: firstRun })).isMatch).toBe(true);
  });

  it("stores project groups found in data beside the industry × region roll-up", async () => {
    const projects = await listFoundProjectGroups(handle, { runId: firstRun });
    expect(projects.length).toBeGreaterThanOrEqual(2);
    const [{ n }] = (await handle.raw<{ n: number }>("select count(*)::int as n from projects where period = $1", [
      TEST_PERIOD,
    ])) as [{ n: number }];
    expect(projects.reduce((s, g) => s + g.size, 0)).toBe(n);
    for (const group of projects) {
      expect(group.name.parts.length).toBeGreaterThan(0);
      expect(Number(group.signalRatePct)).toBeCloseTo((100 * group.signalCount) / group.size, 2);
    }
    const [rollUp] = await handle.raw<{ n: number }>(
      "select count(*)::int as n from project_groups where run_id = $1",
      [firstRun],
    );
    expect(rollUp!.n).toBeGreaterThan(projects.length);
  });

  it("matches groups across runs and warns on a group whose signal rate crosses the limit", async () => {
    const before = await listFoundProjectGroups(handle, { runId: firstRun });
    const target = before.find((g) => g.size >= 3 && Number(g.signalRatePct) <= 10)!;
    expect(target).toBeDefined();
    expect(target.warnings).toEqual([]);
    // Downgrade every project of that group: a default signal that leaves the grouping attributes as they were.
    await handle.raw(
      `update projects set is_downgraded = true
        where period = $1 and project_id in (select project_id from found_project_group_members where run_id = $2 and group_no = $3)`,
      [TEST_PERIOD, firstRun, target.groupNo],
    );
    const secondRun = await runToCompletion(handle);

    const customers = await listCustomerGroups(handle, { runId: secondRun });
    const firstCustomers = await listCustomerGroups(handle, { runId: firstRun });
    expect(customers.map((g) => g.previousGroupNo)).toEqual(firstCustomers.map((g) => g.groupNo));
    for (const group of customers) expect(group.matchCost).toBeLessThan(1e-9);

    const after = await listFoundProjectGroups(handle, { runId: secondRun });
    expect(after.map((g) => g.previousGroupNo)).toEqual(before.map((g) => g.groupNo));
    const hot = after.find((g) => g.previousGroupNo === target.groupNo)!;
    expect(hot.signalRatePct).toBe("100.00");
    expect(hot.previousSignalRatePct).toBe(target.signalRatePct);
    expect(hot.warnings.map((w) => w.code)).toEqual(["group.signal_rate_above_limit", "group.signal_rate_rise"]);
    expect(hot.warnings[0]!.params).toEqual({ signalRatePct: "100.00", limitPct: "10.00" });
    for (const group of after.filter((g) => g.previousGroupNo !== target.groupNo)) {
      expect(group.changePctPoints).toBe("0.00");
      expect(group.warnings.map((w) => w.code)).not.toContain("group.signal_rate_rise");
    }
  });
});
