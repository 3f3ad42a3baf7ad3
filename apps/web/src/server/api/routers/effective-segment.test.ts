import { addDays, bankDate } from "@creditseg/core/calendar";
import { renderClusterLabel } from "@creditseg/core/clustering";
import { listRunClusters } from "@creditseg/db";
import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { compareRuns, openCustomerExportFile } from "@creditseg/engine";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitForBackgroundRuns } from "../../runs/job-queue";
import { callerFor, createTestApp, signIn, type TestApp } from "../../testing/test-app";

const PERIOD = "2025";

type Caller = Awaited<ReturnType<typeof callerFor>>;

describeEachDb("an approved override, through the next run, on every screen", (kind) => {
  let app: TestApp;
  let risk: Caller;
  let officer: Caller;
  let customerId: string;
  let computedTier: string;
  let firstRunId: number;
  let secondRunId: number;

  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemoWorld(app.handle, { customers: 60, period: PERIOD, seed: 5 });
    risk = await callerFor(app, await signIn(app, "risk@creditseg.local", DEMO_PASSWORD));
    officer = await callerFor(app, await signIn(app, "officer@creditseg.local", DEMO_PASSWORD));
    const risk2 = await callerFor(app, await signIn(app, "risk2@creditseg.local", DEMO_PASSWORD));
    firstRunId = (await risk.segmentRun.start({ period: PERIOD })).id;
    await waitForBackgroundRuns();
    // One of the officer's customers the run did not put in the core tier.
    const own = await officer.customer.list({ limit: 200 });
    const target = own.items.find((c) => c.tier !== "core")!;
    customerId = target.customerId;
    computedTier = target.tier!;
    const proposal = await officer.override.propose({
      customerId,
      field: "tier",
      proposedValue: "core",
      reasonCode: "collateral_added",
      comment: "new collateral pledged",
    });
    await risk2.override.approve({
      overrideId: proposal.id,
      comment: "agreed",
      expiresOn: addDays(bankDate(new Date()), 30),
    });
    // Before the next run, the page still shows the run's result and says when the override applies.
    const before = await officer.customer.byId({ customerId });
    expect(before.result?.effectiveTier).toBe(computedTier);
    expect(before.overrides.some((o) => o.status === "approved")).toBe(true);
    secondRunId = (await risk.segmentRun.start({ period: PERIOD })).id;
    await waitForBackgroundRuns();
  }, 300_000);
  afterAll(async () => {
    await waitForBackgroundRuns();
    await app?.close();
  });

  it("lists the customer under the override's tier, with the computed tier beside it", async () => {
    const core = await risk.customer.list({ tiers: ["core"], limit: 200 });
    const row = core.items.find((c) => c.customerId === customerId);
    expect(row).toMatchObject({ effectiveTier: "core", tier: computedTier });
    const computed = await risk.customer.list({ tiers: [computedTier], limit: 200 });
    expect(computed.items.map((c) => c.customerId)).not.toContain(customerId);
    const detail = await officer.customer.byId({ customerId });
    expect(detail.result).toMatchObject({ effectiveTier: "core", tier: computedTier });
  });

  it("counts the customer under the override's tier on the dashboard", async () => {
    const [first, second] = await Promise.all([
      risk.segment.summary({ runId: firstRunId }),
      risk.segment.summary({ runId: secondRunId }),
    ]);
    const count = (summary: typeof first, tier: string) => summary?.byTier.find((t) => t.tier === tier)?.customers ?? 0;
    expect(count(second, "core")).toBe(count(first, "core") + 1);
    expect(count(second, computedTier)).toBe(count(first, computedTier) - 1);
    const core = await risk.customer.count({ runId: secondRunId, tiers: ["core"] });
    expect(core.total).toBe(count(second, "core"));
  });

  it("moves the customer in the tier migration matrix, and only that customer", async () => {
    const migration = await risk.segment.migration({ fromRunId: firstRunId, toRunId: secondRunId, dimension: "tier" });
    const moved = migration.cells.filter((cell) => cell.from !== cell.to);
    expect(moved).toEqual([{ from: computedTier, to: "core", customers: 1 }]);
  });

  it("exports the customer under the override's tier with the computed tier beside it", async () => {
    // As the list page asks: the export is a job (this process runs it on PGlite, the test app's runner on PostgreSQL).
    const queued = await risk.customerExport.request({
      runId: secondRunId,
      tiers: ["core"],
      format: "csv",
      sort: "contribution",
      direction: "desc",
    });
    await waitForBackgroundRuns();
    const done = await risk.customerExport.byId({ jobId: queued.id });
    expect(done).toMatchObject({ status: "succeeded", downloadUrl: `/api/export/jobs/${queued.id}` });
    const file = await openCustomerExportFile(app.handle, {
      actor: { id: "demo-risk", role: "risk_manager" },
      jobId: queued.id,
    });
    const pieces: Uint8Array[] = [];
    for await (const piece of file!.bytes) pieces.push(piece);
    const [header, ...lines] = Buffer.concat(pieces)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const columns = header!.split(",");
    const line = lines.find((l) => l.startsWith(`${customerId},`))!.split(",");
    expect(line[columns.indexOf("tier")]).toBe("core");
    expect(line[columns.indexOf("computed_tier")]).toBe(computedTier);
    // The cluster's name in both languages, rendered from the label the run stored for the customer's cluster.
    const cluster = line[columns.indexOf("cluster")];
    const stored = (await listRunClusters(app.handle.db, { runId: secondRunId })).find(
      (k) => String(k.clusterNo) === cluster,
    );
    expect(line[columns.indexOf("cluster_label_zh")]).toBe(stored ? renderClusterLabel(stored.label, "zh-CN") : "");
    expect(line[columns.indexOf("cluster_label_en")]).toBe(stored ? renderClusterLabel(stored.label, "en") : "");
  });

  it("shows the cluster migration the engine computes, clusters matched by centroid", async () => {
    const web = await risk.segment.migration({ fromRunId: firstRunId, toRunId: secondRunId, dimension: "cluster" });
    const engine = await compareRuns(app.handle, { fromRunId: firstRunId, toRunId: secondRunId });
    const { labels, counts } = engine.clusters;
    const at = (label: string | null) => labels.indexOf(label ?? "none");
    for (const cell of web.cells) expect(counts[at(cell.from)]![at(cell.to)]).toBe(cell.customers);
    const total = (cells: number[][]) => cells.flat().reduce((n, c) => n + c, 0);
    expect(web.cells.reduce((n, cell) => n + cell.customers, 0)).toBe(total(counts));
    expect(web.cells.reduce((n, cell) => n + cell.customers, 0)).toBeGreaterThan(0);
  });
});
