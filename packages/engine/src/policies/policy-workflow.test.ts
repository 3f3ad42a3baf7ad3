import { DEFAULT_POLICY, type Policy } from "@creditseg/core";
import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { getPolicyVersion, listPolicyVersions } from "./policy-queries";
import {
  approvePolicyVersion,
  createPolicyDraft,
  diffPolicyVersion,
  draftNameOf,
  rejectPolicyVersion,
  submitPolicyDraft,
  updatePolicyDraft,
} from "./policy-workflow";
import { previewPolicyImpact } from "./preview-impact";

/** The default policy with the core tier's threshold raised from 1,000,000 to `minContribution` CNY. */
function withCoreThreshold(minContribution: number): Policy {
  return { ...DEFAULT_POLICY, tiers: DEFAULT_POLICY.tiers.map((t, i) => (i === 0 ? { ...t, minContribution } : t)) };
}

describeEachDb("policy versions", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 200);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("drafts from the active version, validates edits naming the field, diffs, and needs a second risk manager to approve", async () => {
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk, changeNote: "raise the core threshold" });
    expect(draft).toMatchObject({ version: 2, status: "draft", basedOnVersion: 1, createdBy: ACTORS.risk.id });
    expect(draft.document).toEqual((await getPolicyVersion(handle, { version: 1 })).document);
    // The draft keeps its source's name: the version number and the status tell them apart.
    expect(draft.name).toBe((await getPolicyVersion(handle, { version: 1 })).name);

    await expect(
      updatePolicyDraft(handle, { actor: ACTORS.risk, version: 2, document: { ...DEFAULT_POLICY, taxRate: -3 } }),
    ).rejects.toMatchObject({
      code: "INVALID_POLICY",
      message: expect.stringContaining("taxRate"),
      details: [expect.objectContaining({ path: "taxRate" })],
    });
    await updatePolicyDraft(handle, { actor: ACTORS.risk, version: 2, document: withCoreThreshold(3_000_000) });
    const diff = await diffPolicyVersion(handle, { version: 2 });
    expect(diff).toMatchObject({ againstVersion: 1, changes: [{ path: "tiers.0.minContribution", after: 3_000_000 }] });

    await expect(approvePolicyVersion(handle, { actor: ACTORS.risk2, version: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await submitPolicyDraft(handle, { actor: ACTORS.risk, version: 2 });
    await expect(
      updatePolicyDraft(handle, { actor: ACTORS.risk, version: 2, document: DEFAULT_POLICY }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    // Four eyes: the author may not approve their own version.
    await expect(approvePolicyVersion(handle, { actor: ACTORS.risk, version: 2 })).rejects.toMatchObject({
      code: "SELF_APPROVAL",
      message: expect.stringContaining("four eyes"),
    });
    await expect(approvePolicyVersion(handle, { actor: ACTORS.officer, version: 2 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      approvePolicyVersion(handle, { actor: ACTORS.risk2, version: 2, effectiveFrom: "2999-01-01" }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const approved = await approvePolicyVersion(handle, {
      actor: ACTORS.risk2,
      version: 2,
      effectiveFrom: "2025-01-01",
      comment: "agreed",
    });
    expect(approved).toMatchObject({
      status: "active",
      decidedBy: ACTORS.risk2.id,
      effectiveFrom: "2025-01-01",
      decisionComment: "agreed",
    });
    const versions = await listPolicyVersions(handle);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, "active"],
      [1, "retired"],
    ]);
    expect(versions[1]!.retiredAt).not.toBeNull();

    const audit = await handle.raw<{ action: string; actor_id: string; entity_id: string }>(
      "select action, actor_id, entity_id from audit_log where entity_type = 'policy' order by id",
    );
    expect(audit.map((a) => [a.action, a.actor_id, a.entity_id])).toEqual([
      ["policy.draft_created", ACTORS.risk.id, "2"],
      ["policy.draft_updated", ACTORS.risk.id, "2"],
      ["policy.submitted", ACTORS.risk.id, "2"],
      ["policy.retired", ACTORS.risk2.id, "1"],
      ["policy.approved", ACTORS.risk2.id, "2"],
    ]);
  });
});

/**
 * Version 2 (core threshold 3,000,000 CNY) made active through the workflow, as the first suite does; each test below
 * starts from there whatever ran before it, so the suite does not depend on test order.
 */
describeEachDb("policy versions on an active version 2", (kind) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 200);
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk, changeNote: "raise the core threshold" });
    await updatePolicyDraft(handle, {
      actor: ACTORS.risk,
      version: draft.version,
      document: withCoreThreshold(3_000_000),
    });
    await submitPolicyDraft(handle, { actor: ACTORS.risk, version: draft.version });
    await approvePolicyVersion(handle, { actor: ACTORS.risk2, version: draft.version, effectiveFrom: "2025-01-01" });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("forbids approval by anyone who edited the draft, and rejects with a comment", async () => {
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk });
    await updatePolicyDraft(handle, {
      actor: ACTORS.risk2,
      version: draft.version,
      document: withCoreThreshold(500_000),
    });
    await submitPolicyDraft(handle, { actor: ACTORS.risk, version: draft.version });
    await expect(approvePolicyVersion(handle, { actor: ACTORS.risk2, version: draft.version })).rejects.toMatchObject({
      code: "SELF_APPROVAL",
    });
    await expect(
      rejectPolicyVersion(handle, { actor: ACTORS.risk2, version: draft.version, comment: "no" }),
    ).rejects.toMatchObject({ code: "SELF_APPROVAL" });

    const other = await createPolicyDraft(handle, { actor: ACTORS.risk });
    await submitPolicyDraft(handle, { actor: ACTORS.risk, version: other.version });
    await expect(
      rejectPolicyVersion(handle, { actor: ACTORS.risk2, version: other.version, comment: " " }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const rejected = await rejectPolicyVersion(handle, {
      actor: ACTORS.risk2,
      version: other.version,
      comment: "thresholds unchanged",
    });
    expect(rejected).toMatchObject({
      status: "rejected",
      decisionComment: "thresholds unchanged",
      decidedBy: ACTORS.risk2.id,
    });
    expect((await listPolicyVersions(handle, { statuses: ["active"] })).map((v) => v.version)).toEqual([2]);
  });

  it("the database itself refuses a decision by the submitter", async () => {
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk });
    await submitPolicyDraft(handle, { actor: ACTORS.risk, version: draft.version });
    await expect(
      handle.raw("update policies set decided_by = submitted_by where version = $1", [draft.version]),
    ).rejects.toThrow(/policies_four_eyes/);
  });

  it("previews a draft's impact against the active policy without storing a run", async () => {
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk });
    // Active (version 2) puts core at 3,000,000; the draft lowers it back to 1,000,000: some basic customers become core.
    await updatePolicyDraft(handle, {
      actor: ACTORS.risk,
      version: draft.version,
      document: withCoreThreshold(1_000_000),
    });
    const impact = await previewPolicyImpact(handle, {
      actor: ACTORS.risk,
      version: draft.version,
      period: TEST_PERIOD,
    });
    const { labels, counts } = impact.migration.tiers;
    const core = labels.indexOf("core");
    const basic = labels.indexOf("basic");
    expect(counts[basic]![core]).toBeGreaterThan(0);
    expect(counts[core]![basic]).toBe(0);
    expect(impact.migration.grades.movedCount).toBe(0);
    const coreActive = impact.totalsByTier.active.find((t) => t.tier === "core")!;
    const corePreviewed = impact.totalsByTier.previewed.find((t) => t.tier === "core")!;
    expect(corePreviewed.customers - coreActive.customers).toBe(counts[basic]![core]);
    const sum = (totals: typeof impact.totalsByTier.active) => totals.reduce((s, t) => s + t.contributionFen, 0n);
    expect(sum(impact.totalsByTier.previewed)).toBe(sum(impact.totalsByTier.active));
    expect(impact.customerCount).toBe(impact.totalsByTier.active.reduce((s, t) => s + t.customers, 0));
    const [runs] = await handle.raw<{ n: number }>("select count(*)::int as n from segment_runs");
    expect(runs?.n).toBe(0);
    await expect(
      previewPolicyImpact(handle, { actor: ACTORS.officer, version: draft.version, period: TEST_PERIOD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("previews warnings that would start or stop", async () => {
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk });
    const strict = {
      ...withCoreThreshold(3_000_000),
      warnings: { ...DEFAULT_POLICY.warnings, maxSignalRatePct: 0, minGroupSize: 1 },
    };
    await updatePolicyDraft(handle, { actor: ACTORS.risk, version: draft.version, document: strict });
    // The input, not what the preview writes: one project past the overdue threshold, so the small world has a
    // default signal whatever its random draw.
    await handle.raw(
      `update projects set overdue_days = $2 + 30
        where project_id = (select min(project_id) from projects where period = $1)`,
      [TEST_PERIOD, DEFAULT_POLICY.warnings.overdueDaysThreshold],
    );
    const impact = await previewPolicyImpact(handle, {
      actor: ACTORS.risk,
      version: draft.version,
      period: TEST_PERIOD,
    });
    const [signalled] = await handle.raw<{ n: number }>(
      `select count(distinct industry || '|' || region || '|' || lower(risk_level))::int as n from projects
        where period = $1 and (overdue_days > $2 or is_downgraded)`,
      [TEST_PERIOD, DEFAULT_POLICY.warnings.overdueDaysThreshold],
    );
    expect(signalled!.n).toBeGreaterThan(0);
    const started = impact.warnings.filter((w) => w.kind === "signal_rate_above_limit" && w.change !== "stops");
    expect(started.length).toBe(signalled!.n);
    expect(impact.migration.tiers.movedCount).toBe(0);
  });
});

describe("draftNameOf", () => {
  it.each([
    ["默认政策 Default policy", "默认政策 Default policy"],
    ["默认政策 Default policy (draft 2)", "默认政策 Default policy"],
    ["默认政策 Default policy (draft 2) (draft 3)", "默认政策 Default policy"],
    ["Core bar (draft 12)(draft 13)", "Core bar"],
    ["(draft 2)", "(draft 2)"],
    ["Keeps (draft) words", "Keeps (draft) words"],
  ])("names a draft of %j %j", (source, expected) => {
    expect(draftNameOf(source)).toBe(expected);
  });
});
