import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Clock } from "../clock";
import { readRunExport, type RunExportRow } from "../export/read-run-export";
import { compareRuns } from "../history/compare-runs";
import { approveOverride, getOverride, proposeOverride } from "../overrides/override-workflow";
import { approvePolicyVersion, createPolicyDraft, submitPolicyDraft } from "../policies/policy-workflow";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { getRun } from "./run-queries";
import { startRun } from "./start-run";

/** A fixed instant: 00:30 on 15 March 2026 in Beijing is still 14 March in UTC. */
const at =
  (iso: string): Clock =>
  () =>
    new Date(iso);
const BEIJING_0030_MAR15 = at("2026-03-14T16:30:00Z");
const BEIJING_2359_MAR15 = at("2026-03-15T15:59:00Z");
const BEIJING_0030_MAR16 = at("2026-03-15T16:30:00Z");

async function runAt(handle: DbHandle, clock: Clock): Promise<number> {
  const outcome = await (await startRun(handle, { actor: ACTORS.risk, period: TEST_PERIOD, clock })).completion;
  if (outcome.status !== "succeeded") throw new Error(outcome.error);
  return outcome.runId;
}

type Summary = {
  tierCounts: Record<string, number>;
  computedTierCounts: Record<string, number>;
  migration: { tiers: { labels: string[]; counts: number[][] } };
};

async function exportRow(handle: DbHandle, runId: number, customerId: string): Promise<RunExportRow | undefined> {
  for await (const page of readRunExport(handle, { runId, officerCode: "O001" })) {
    const row = page.find((r) => r.customerId === customerId);
    if (row) return row;
  }
  return undefined;
}

describeEachDb("effective segment and the bank date", (kind) => {
  let handle: DbHandle;
  let firstRunId: number;
  let customerId: string;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 300);
    firstRunId = await runAt(handle, BEIJING_0030_MAR15);
    const [row] = await handle.raw<{ customer_id: string }>(
      "select customer_id from segment_results where run_id = $1 and officer = 'O001' and tier = 'basic' order by customer_id limit 1",
      [firstRunId],
    );
    customerId = row!.customer_id;
  }, 240_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("records the run's as-of date as the Beijing date, not the UTC one", async () => {
    expect((await getRun(handle, { runId: firstRunId })).asOfDate).toBe("2026-03-15");
  });

  it("accepts at 00:30 Beijing a policy approved effective that Beijing day", async () => {
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk, changeNote: "same rules, new version" });
    await submitPolicyDraft(handle, { actor: ACTORS.risk, version: draft.version });
    const approved = await approvePolicyVersion(handle, {
      actor: ACTORS.risk2,
      version: draft.version,
      effectiveFrom: "2026-03-15",
      clock: BEIJING_0030_MAR15,
    });
    expect(approved).toMatchObject({ status: "active", effectiveFrom: "2026-03-15" });
  });

  it("carries an approved override as the effective tier, with the computed tier beside it, into counts, matrices and the export", async () => {
    const proposal = await proposeOverride(handle, {
      actor: ACTORS.officer,
      customerId,
      field: "tier",
      proposedValue: "core",
      reasonCode: "group_support",
      comment: "parent guarantee",
    });
    // By the Beijing date 14 March has passed at 00:30 on the 15th (UTC still says the 14th).
    await expect(
      approveOverride(handle, {
        actor: ACTORS.risk,
        overrideId: proposal.id,
        comment: "ok",
        expiresOn: "2026-03-14",
        clock: BEIJING_0030_MAR15,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("2026-03-15") });
    await approveOverride(handle, {
      actor: ACTORS.risk,
      overrideId: proposal.id,
      comment: "group support",
      expiresOn: "2026-03-15",
      clock: BEIJING_0030_MAR15,
    });

    const runId = await runAt(handle, BEIJING_2359_MAR15);
    const [stored] = await handle.raw<{ tier: string; effective_tier: string; override_id: number | null }>(
      "select tier, effective_tier, override_id from segment_results where run_id = $1 and customer_id = $2",
      [runId, customerId],
    );
    expect(stored).toEqual({ tier: "basic", effective_tier: "core", override_id: proposal.id });

    // The list filter reads the effective tier: the customer is among the core customers, not the basic ones.
    const core = await handle.raw<{ customer_id: string }>(
      "select customer_id from segment_results where run_id = $1 and effective_tier = 'core'",
      [runId],
    );
    expect(core.map((r) => r.customer_id)).toContain(customerId);

    const run = await getRun(handle, { runId });
    const summary = run.summary as Summary;
    const [counts] = await handle.raw<{ effective_core: number; computed_core: number }>(
      "select count(*) filter (where effective_tier = 'core')::int as effective_core, count(*) filter (where tier = 'core')::int as computed_core from segment_results where run_id = $1",
      [runId],
    );
    expect(summary.tierCounts.core).toBe(counts!.effective_core);
    expect(summary.computedTierCounts.core).toBe(counts!.computed_core);
    expect(summary.tierCounts.core).toBe(summary.computedTierCounts.core! + 1);

    // The stored migration matrix (against the first run) moves the customer basic → core, as compareRuns does.
    const tiers = summary.migration.tiers;
    const basicToCore = tiers.counts[tiers.labels.indexOf("basic")]![tiers.labels.indexOf("core")]!;
    expect(basicToCore).toBe(1);
    const comparison = await compareRuns(handle, { fromRunId: firstRunId, toRunId: runId });
    expect(comparison.tiers.counts).toEqual(tiers.counts);

    expect(await exportRow(handle, runId, customerId)).toMatchObject({
      effectiveTier: "core",
      tier: "basic",
      overrideTier: "core",
      overrideId: proposal.id,
    });
  });

  it("expires the override by the Beijing date: a run at 00:30 on 16 March no longer carries it", async () => {
    const runId = await runAt(handle, BEIJING_0030_MAR16);
    const run = await getRun(handle, { runId });
    expect(run.asOfDate).toBe("2026-03-16");
    expect(run.inputs.overrideIds).toEqual([]);
    const [stored] = await handle.raw<{ tier: string; effective_tier: string; override_id: number | null }>(
      "select tier, effective_tier, override_id from segment_results where run_id = $1 and customer_id = $2",
      [runId, customerId],
    );
    expect(stored).toEqual({ tier: "basic", effective_tier: "basic", override_id: null });
    const [override] = await handle.raw<{ id: number }>(
      "select id from overrides where customer_id = $1 and field = 'tier' order by id desc limit 1",
      [customerId],
    );
    expect((await getOverride(handle, { overrideId: override!.id })).status).toBe("expired");
  });

  it("stores every account's contribution line, summing to each customer's stored contribution", async () => {
    const [check] = await handle.raw<{ customers: number; mismatched: number; lines: number; accounts: number }>(
      `select (select count(*)::int from segment_results where run_id = $1) as customers,
              (select count(*)::int from segment_results r
                where r.run_id = $1 and r.contribution_fen <> coalesce((select sum(l.result_fen) from contribution_lines l where l.run_id = $1 and l.customer_id = r.customer_id), 0)) as mismatched,
              (select count(*)::int from contribution_lines where run_id = $1) as lines,
              (select ((select count(*) from loans where period = $2) + (select count(*) from deposits where period = $2) + (select count(*) from fee_income where period = $2))::int) as accounts`,
      [firstRunId, TEST_PERIOD],
    );
    expect(check!.customers).toBeGreaterThan(0);
    expect(check!.mismatched).toBe(0);
    expect(check!.lines).toBe(check!.accounts);
  });

  it("stores each project's default signal, agreeing with the groups' signal counts", async () => {
    const [check] = await handle.raw<{ projects: number; stored: number; signals: number; group_signals: number }>(
      `select (select count(*)::int from projects where period = $2) as projects,
              (select count(*)::int from project_results where run_id = $1) as stored,
              (select count(*)::int from project_results where run_id = $1 and has_default_signal) as signals,
              (select coalesce(sum((profile->>'signalCount')::int), 0)::int from project_groups where run_id = $1) as group_signals`,
      [firstRunId, TEST_PERIOD],
    );
    expect(check!.stored).toBe(check!.projects);
    expect(check!.signals).toBe(check!.group_signals);
  });
});
