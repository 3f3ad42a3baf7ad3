import { resolveRun } from "@creditseg/db";
import { describeEachDb } from "@creditseg/db/testing";
import { readPortfolioSummary, readProjectGrouping, startRun } from "@creditseg/engine";
import { bufferSource, commitImport } from "@creditseg/ingest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FIXTURE_PERIOD, seedPortfolio } from "../../testing/portfolio-fixture";
import { addUser, callerFor, createTestApp, signIn, type TestApp } from "../../testing/test-app";

const O001 = { officer: "O001" } as const;

describeEachDb("dashboard and project-group figures are what the run stored", (kind) => {
  let app: TestApp;
  let riskId: string;
  let runId: number;

  /** Loads one amended row through the import (amend mode: merged by natural key into the period). */
  async function amend(kindOf: "loans" | "projects", lines: string[]): Promise<void> {
    const report = await commitImport({
      handle: app.handle,
      kind: kindOf,
      period: FIXTURE_PERIOD,
      file: bufferSource(`${kindOf}-amend.csv`, new TextEncoder().encode(`${lines.join("\n")}\n`)),
      actor: { id: riskId, role: "risk_manager" },
    });
    expect(report.status).toBe("committed");
  }

  beforeAll(async () => {
    app = await createTestApp(kind);
    riskId = (await addUser(app, { email: "risk@bank.test", role: "risk_manager" })).id;
    await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" });
    ({ runId } = await seedPortfolio(app, riskId));
  }, 120_000);
  afterAll(async () => app?.close());

  it("keeps a run's NPL figures and an officer's project groups after an amend import, and the next run reads it", async () => {
    const run = (await resolveRun(app.handle.db, { runId }))!;
    const summaryBefore = await readPortfolioSummary(app.handle.db, { run, scope: O001 });
    // C003 (substandard, 3,000,000 of O001's 13,000,000 CNY loan balance) is the officer's only NPL: 23.08 %.
    expect(summaryBefore.totals).toMatchObject({
      loanBalanceFen: 1_300_000_000n,
      nplBalanceFen: 300_000_000n,
      nplRatioPct: "23.08",
    });
    const groupsBefore = await readProjectGrouping(app.handle, { runId, scope: O001 });
    // PC003 is 95 days overdue (past the 90-day limit): one of the officer's two projects signals.
    expect(groupsBefore.groups.map((g) => [g.projectCount, g.signalRate])).toEqual([[2, 0.5]]);

    // After the run, C001's loan turns loss and its project 200 days overdue.
    await amend("loans", [
      "loan_id,customer_id,product,amount,rate,term_months,start_date,maturity_date,guarantee,classification,avg_daily_balance,days",
      "LC001,C001,working_capital,10000000.00,4.35,12,2025-01-01,2025-12-31,collateral,loss,10000000.00,360",
    ]);
    await amend("projects", [
      "project_id,customer_id,name,industry,region,total_investment,loan_amount,risk_level,status,overdue_days,downgraded",
      "PC001,C001,项目 C001,infrastructure,east,100000000.00,50000000.00,medium,construction,200,否",
    ]);

    // The stored run reads as it was, uncached and through the web.
    expect(await readPortfolioSummary(app.handle.db, { run, scope: O001 })).toEqual(summaryBefore);
    expect(await readProjectGrouping(app.handle, { runId, scope: O001 })).toEqual(groupsBefore);
    const officer = await callerFor(app, await signIn(app, "officer@bank.test"));
    expect((await officer.segment.summary({ runId }))?.totals.nplRatioPct).toBe("23.08");
    expect((await officer.segment.projectGroups({ runId })).groups.map((g) => g.signalRate)).toEqual([0.5]);

    // The next run reads the amended rows: 13,000,000 CNY of 13,000,000 non-performing, both projects signal.
    const next = await (
      await startRun(app.handle, { actor: { id: riskId, role: "risk_manager" }, period: FIXTURE_PERIOD })
    ).completion;
    expect(next.status).toBe("succeeded");
    const nextRun = (await resolveRun(app.handle.db, { runId: next.runId }))!;
    expect((await readPortfolioSummary(app.handle.db, { run: nextRun, scope: O001 })).totals).toMatchObject({
      nplBalanceFen: 1_300_000_000n,
      nplRatioPct: "100.00",
    });
    expect(
      (await readProjectGrouping(app.handle, { runId: next.runId, scope: O001 })).groups.map((g) => g.signalRate),
    ).toEqual([1]);
  }, 120_000);
});
