import { addDays, bankDate } from "@creditseg/core/calendar";
import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getCustomerTimeline } from "../history/customer-timeline";
import { compareRuns } from "../history/compare-runs";
import { compareRunWarnings } from "../history/compare-warnings";
import { getRun } from "../runs/run-queries";
import { startRun } from "../runs/start-run";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { approveOverride, confirmSegment, listOverrides, proposeOverride, rejectOverride } from "./override-workflow";

async function runOnce(handle: DbHandle): Promise<number> {
  const outcome = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD })).completion;
  if (outcome.status !== "succeeded") throw new Error(outcome.error);
  return outcome.runId;
}

async function customerOf(handle: DbHandle, officer: string, tier: string): Promise<string> {
  const [row] = await handle.raw<{ customer_id: string }>(
    "select customer_id from segment_results where officer = $1 and tier = $2 order by customer_id limit 1",
    [officer, tier],
  );
  return row!.customer_id;
}

async function resultOf(handle: DbHandle, runId: number, customerId: string) {
  const [row] = await handle.raw<{
    tier: string;
    override_tier: string | null;
    override_grade: string | null;
    override_id: number | null;
  }>(
    "select tier, override_tier, override_grade::text as override_grade, override_id from segment_results where run_id = $1 and customer_id = $2",
    [runId, customerId],
  );
  return row!;
}

describeEachDb("overrides and history", (kind) => {
  let handle: DbHandle;
  let firstRunId: number;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 300);
    firstRunId = await runOnce(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("lets an officer propose for their own customers only, and a different risk manager decide", async () => {
    const own = await customerOf(handle, "O001", "basic");
    const others = await customerOf(handle, "O002", "basic");
    await expect(
      proposeOverride(handle, {
        actor: ACTORS.officer,
        customerId: others,
        field: "tier",
        proposedValue: "core",
        reasonCode: "group_support",
        comment: "parent guarantee",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      proposeOverride(handle, {
        actor: ACTORS.risk,
        customerId: own,
        field: "tier",
        proposedValue: "core",
        reasonCode: "x",
        comment: "y",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      proposeOverride(handle, {
        actor: ACTORS.officer,
        customerId: own,
        field: "tier",
        proposedValue: "platinum",
        reasonCode: "x",
        comment: "y",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      proposeOverride(handle, {
        actor: ACTORS.officer,
        customerId: own,
        field: "tier",
        proposedValue: "basic",
        reasonCode: "x",
        comment: "y",
      }),
    ).rejects.toMatchObject({ code: "OVERRIDE_UNCHANGED" });

    // A proposal is measured against the period's current run (whichever test ran last).
    const [current] = await handle.raw<{ id: number }>("select id from segment_runs where is_current");
    const proposal = await proposeOverride(handle, {
      actor: ACTORS.officer,
      customerId: own,
      field: "tier",
      proposedValue: "core",
      reasonCode: "group_support",
      comment: "parent guarantee",
    });
    expect(proposal).toMatchObject({
      status: "proposed",
      computedValue: "basic",
      proposedValue: "core",
      runId: current!.id,
      proposedBy: ACTORS.officer.id,
    });
    await expect(
      proposeOverride(handle, {
        actor: ACTORS.officer,
        customerId: own,
        field: "tier",
        proposedValue: "general",
        reasonCode: "x",
        comment: "y",
      }),
    ).rejects.toMatchObject({ code: "OVERRIDE_PENDING" });
    await expect(
      approveOverride(handle, {
        actor: ACTORS.officer,
        overrideId: proposal.id,
        comment: "ok",
        expiresOn: "2999-12-31",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      approveOverride(handle, { actor: ACTORS.risk, overrideId: proposal.id, comment: "ok", expiresOn: "2000-01-01" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      approveOverride(handle, { actor: ACTORS.risk, overrideId: proposal.id, comment: "ok", expiresOn: "9999-12-31" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/at most 3 years/) });
    // The database refuses a decision by the proposer, whatever the caller.
    await expect(
      handle.raw("update overrides set decided_by = proposed_by where id = $1", [proposal.id]),
    ).rejects.toThrow(/overrides_four_eyes/);

    const [graded] = await handle.raw<{ grade: string }>(
      "select grade::text as grade from segment_results where run_id = $1 and customer_id = $2",
      [current!.id, own],
    );
    const rejected = await proposeOverride(handle, {
      actor: ACTORS.officer,
      customerId: own,
      field: "grade",
      proposedValue: graded!.grade === "AAA" ? "AA" : "AAA",
      reasonCode: "new_collateral",
      comment: "land pledged",
    });
    expect(
      (
        await rejectOverride(handle, {
          actor: ACTORS.risk2,
          overrideId: rejected.id,
          comment: "collateral not registered",
        })
      ).status,
    ).toBe("rejected");
    await expect(
      rejectOverride(handle, { actor: ACTORS.risk2, overrideId: rejected.id, comment: "again" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const officerList = await listOverrides(handle, { officerCode: "O001" });
    expect(officerList.filter((o) => o.customerId === own).map((o) => o.id)).toEqual([rejected.id, proposal.id]);
    expect(await listOverrides(handle, { officerCode: "O002" })).toEqual([]);
  });

  it("carries an approved override into the next run's results until it expires, audited throughout", async () => {
    const customerId = await customerOf(handle, "O001", "general");
    const proposal = await proposeOverride(handle, {
      actor: ACTORS.officer,
      customerId,
      field: "tier",
      proposedValue: "basic",
      reasonCode: "restructured",
      comment: "loan restructured",
    });
    // The engine's today is the bank's date (core's bankDate), as the approval and the run's as-of date read it.
    const today = bankDate(new Date());
    const approved = await approveOverride(handle, {
      actor: ACTORS.risk2,
      overrideId: proposal.id,
      comment: "accepted for this review",
      expiresOn: today,
    });
    expect(approved).toMatchObject({ status: "approved", decidedBy: ACTORS.risk2.id, expiresOn: today });

    const carriedRun = await runOnce(handle);
    expect(await resultOf(handle, carriedRun, customerId)).toMatchObject({
      tier: "general",
      override_tier: "basic",
      override_id: proposal.id,
    });
    expect((await getRun(handle, { runId: carriedRun })).inputs.overrideIds).toContain(proposal.id);
    const untouched = await customerOf(handle, "O002", "general");
    expect(await resultOf(handle, carriedRun, untouched)).toMatchObject({ override_tier: null, override_id: null });

    // A day later (the calendar is moved by pushing the expiry back a day), the next run expires it and stops carrying it.
    await handle.raw("update overrides set expires_on = $2::date where id = $1", [proposal.id, addDays(today, -1)]);
    const laterRun = await runOnce(handle);
    expect(await resultOf(handle, laterRun, customerId)).toMatchObject({
      tier: "general",
      override_tier: null,
      override_id: null,
    });
    expect((await listOverrides(handle, { customerId })).find((o) => o.id === proposal.id)?.status).toBe("expired");

    const audit = await handle.raw<{ action: string; actor_id: string | null }>(
      "select action, actor_id from audit_log where entity_type = 'override' and entity_id = $1 order by id",
      [String(proposal.id)],
    );
    expect(audit).toEqual([
      { action: "override.proposed", actor_id: ACTORS.officer.id },
      { action: "override.approved", actor_id: ACTORS.risk2.id },
      { action: "override.expired", actor_id: null },
    ]);
  });

  it("records a confirmation without carrying it as a decision", async () => {
    const customerId = await customerOf(handle, "O001", "core");
    const confirmation = await confirmSegment(handle, {
      actor: ACTORS.officer,
      customerId,
      field: "tier",
      comment: "agree",
    });
    expect(confirmation).toMatchObject({
      status: "approved",
      computedValue: "core",
      proposedValue: "core",
      reasonCode: "confirmed",
    });
    const runId = await runOnce(handle);
    expect(await resultOf(handle, runId, customerId)).toMatchObject({ override_tier: null, override_id: null });
  });

  it("shows a customer's timeline and the migration between any two runs", async () => {
    // A run of its own, so there are two runs to compare whichever tests ran before.
    await runOnce(handle);
    const customerId = await customerOf(handle, "O001", "basic");
    const timeline = await getCustomerTimeline(handle, { customerId });
    const [runs] = await handle.raw<{ n: number }>(
      "select count(*)::int as n from segment_runs where status = 'succeeded'",
    );
    expect(timeline).toHaveLength(runs!.n);
    expect(timeline.filter((t) => t.isCurrent)).toHaveLength(1);
    expect(
      timeline.every((t) => t.contributionFen === t.depositContributionFen + t.loanContributionFen + t.feeIncomeFen),
    ).toBe(true);
    await expect(getCustomerTimeline(handle, { customerId, officerCode: "O002" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const lastRunId = timeline.at(-1)!.runId;
    const comparison = await compareRuns(handle, { fromRunId: firstRunId, toRunId: lastRunId });
    // Same data, same policy, same seed: nobody moves, and every cluster matches itself.
    expect(comparison.tiers.movedCount).toBe(0);
    expect(comparison.grades.movedCount).toBe(0);
    expect(comparison.clusters.movedCount).toBe(0);
    expect(comparison.clusterMatches.every((m) => m.previous === m.next && m.distance === 0)).toBe(true);
    expect(comparison.tiers.stayedCount).toBe(
      timeline.length > 0
        ? (
            await handle.raw<{ n: number }>("select count(*)::int as n from segment_results where run_id = $1", [
              lastRunId,
            ])
          )[0]!.n
        : 0,
    );
    const scoped = await compareRuns(handle, { fromRunId: firstRunId, toRunId: lastRunId, officerCode: "O001" });
    expect(scoped.tiers.stayedCount).toBeLessThan(comparison.tiers.stayedCount);

    const warnings = await compareRunWarnings(handle, { runId: lastRunId });
    expect(warnings.previousRunId).not.toBeNull();
    expect(warnings.groups.length).toBeGreaterThan(0);
    expect(
      warnings.groups.every(
        (g) => g.signalRate === g.previousSignalRate && (g.change === "none" || g.change === "continues"),
      ),
    ).toBe(true);
  });
});
