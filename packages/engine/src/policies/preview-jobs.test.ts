import { DEFAULT_POLICY, type Policy } from "@creditseg/core";
import type { DbHandle } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createInProcessQueue } from "../jobs/in-process-queue";
import { ACTORS, createSeededWorld, TEST_PERIOD } from "../testing/seeded-world";
import { createPolicyDraft, updatePolicyDraft } from "./policy-workflow";
import { previewPolicyImpact } from "./preview-impact";
import { executePolicyPreview, readPolicyPreview, requestPolicyPreview } from "./preview-jobs";

function withCoreThreshold(minContribution: number): Policy {
  return { ...DEFAULT_POLICY, tiers: DEFAULT_POLICY.tiers.map((t, i) => (i === 0 ? { ...t, minContribution } : t)) };
}

describeEachDb("policy impact previews as jobs", (kind) => {
  let handle: DbHandle;
  let version: number;
  beforeAll(async () => {
    handle = await createSeededWorld(kind, 150);
    const draft = await createPolicyDraft(handle, { actor: ACTORS.risk, changeNote: "raise the core threshold" });
    await updatePolicyDraft(handle, {
      actor: ACTORS.risk,
      version: draft.version,
      document: withCoreThreshold(1_000_000),
    });
    version = draft.version;
  });
  afterAll(() => handle.close());

  it("stores the very impact the engine computes, read back with its fen as bigints, for its requester alone", async () => {
    const queue = createInProcessQueue(handle);
    const queued = await requestPolicyPreview(handle, queue, { actor: ACTORS.risk, version, period: TEST_PERIOD });
    await queue.idle();
    const done = await readPolicyPreview(handle, { actor: ACTORS.risk, previewId: queued.id });
    expect(done).toMatchObject({ status: "succeeded", failure: null, version, period: TEST_PERIOD });
    const direct = await previewPolicyImpact(handle, { actor: ACTORS.risk, version, period: TEST_PERIOD });
    expect(done!.impact).toEqual(direct);
    expect(typeof done!.impact!.totalsByTier.active[0]!.contributionFen).toBe("bigint");
    // Another risk manager reads no such preview; an officer may not preview at all; a second delivery computes nothing.
    expect(await readPolicyPreview(handle, { actor: ACTORS.risk2, previewId: queued.id })).toBeNull();
    await expect(
      requestPolicyPreview(handle, queue, { actor: ACTORS.officer, version, period: TEST_PERIOD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await executePolicyPreview(handle, queued.id)).toBeNull();
  });

  it("answers a request still pending with the same job, and records a refusal with the engine's reason", async () => {
    const held = { ...createInProcessQueue(handle), committed: () => {} };
    const first = await requestPolicyPreview(handle, held, { actor: ACTORS.risk, version, period: TEST_PERIOD });
    const again = await requestPolicyPreview(handle, held, { actor: ACTORS.risk, version, period: TEST_PERIOD });
    expect(again.id).toBe(first.id);
    await executePolicyPreview(handle, first.id);
    await expect(
      requestPolicyPreview(handle, held, { actor: ACTORS.risk, version: 999, period: TEST_PERIOD }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const empty = await requestPolicyPreview(handle, held, { actor: ACTORS.risk, version, period: "1999" });
    await executePolicyPreview(handle, empty.id);
    expect(await readPolicyPreview(handle, { actor: ACTORS.risk, previewId: empty.id })).toMatchObject({
      status: "failed",
      impact: null,
      failure: { code: "preview_refused", params: { reason: "NO_DATA" } },
    });
  });
});
