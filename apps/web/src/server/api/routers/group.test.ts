import { DEMO_PASSWORD, seedDemoWorld } from "@creditseg/db/seed";
import { describeEachDb } from "@creditseg/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitForBackgroundRuns } from "../../runs/background-runs";
import { browserHeaders, callerFor, createTestApp, signIn, TEST_ORIGIN, type TestApp } from "../../testing/test-app";
import { handleTrpcRequest } from "../trpc-http";

const PERIOD = "2025";

/** The group procedures over the real fetch adapter and serializer, as the pages call them. */
describeEachDb("customer and project groups over HTTP", (kind) => {
  let app: TestApp;
  let cookie: string;
  let runId: number;
  beforeAll(async () => {
    app = await createTestApp(kind);
    await seedDemoWorld(app.handle, { customers: 300, period: PERIOD, seed: 7 });
    cookie = await signIn(app, "risk@creditseg.local", DEMO_PASSWORD);
    const risk = await callerFor(app, cookie);
    runId = (await risk.segmentRun.start({ period: PERIOD })).id;
    await waitForBackgroundRuns();
  }, 120_000);
  afterAll(async () => app?.close());

  async function getQuery<T>(path: string, input: unknown): Promise<{ status: number; data: T }> {
    const url = `${TEST_ORIGIN}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await handleTrpcRequest(new Request(url, { headers: browserHeaders({ cookie }) }), {
      handle: app.handle,
      auth: app.auth,
      trustedOrigins: [TEST_ORIGIN],
      trustedProxies: [],
    });
    const body = (await response.json()) as { result?: { data: { json: T } } };
    return { status: response.status, data: body.result?.data.json as T };
  }

  it("serves the run's customer groups, one group, a customer's group and the found project groups", async () => {
    type Groups = { groups: { groupNo: number; memberCount: number; guidance: { code: string }[] }[] };
    const customers = await getQuery<Groups>("group.customerGroups", { runId });
    expect(customers.status).toBe(200);
    expect(customers.data.groups.length).toBeGreaterThanOrEqual(2);
    const first = customers.data.groups[0]!;
    const one = await getQuery<{ group: { groupNo: number } }>("group.customerGroup", {
      runId,
      groupNo: first.groupNo,
    });
    expect(one).toMatchObject({ status: 200, data: { group: { groupNo: first.groupNo } } });

    const risk = await callerFor(app, cookie);
    const member = (await risk.customer.list({ runId, customerGroups: [first.groupNo], limit: 1 })).items[0]!;
    const ofCustomer = await getQuery<{ group: { groupNo: number } }>("group.ofCustomer", {
      customerId: member.customerId,
      runId,
    });
    expect(ofCustomer).toMatchObject({ status: 200, data: { group: { groupNo: first.groupNo } } });

    const projects = await getQuery<Groups>("group.projectGroups", { runId });
    expect(projects.status).toBe(200);
    expect(projects.data.groups.length).toBeGreaterThanOrEqual(2);
    const history = await getQuery<{ points: { runId: number }[] }>("group.projectGroupHistory", {
      runId,
      groupNo: projects.data.groups[0]!.groupNo,
    });
    expect(history).toMatchObject({ status: 200, data: { points: [{ runId }] } });
  });
});
