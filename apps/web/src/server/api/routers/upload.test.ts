import { describeEachDb } from "@creditseg/db/testing";
import { REASONS } from "@creditseg/ingest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedPortfolio, type SeededPortfolio } from "../../testing/portfolio-fixture";
import {
  addUser,
  browserHeaders,
  callerFor,
  countAllAudit,
  countAudit,
  createTestApp,
  failureOf,
  signIn,
  TEST_ORIGIN,
  type TestApp,
} from "../../testing/test-app";
import { waitForBackgroundRuns } from "../../runs/job-queue";
import { downloadBatchReport, downloadTemplate, downloadUploadReport } from "../../uploads/downloads";
import { receiveUpload } from "../../uploads/receive-upload";

const HEADER = "客户编号,客户名称,行业,地区,企业规模,客户经理";
/** Two good customers and one whose name is a formula (rejected, and neutralised in the report). */
const CUSTOMERS_CSV = `\uFEFF${HEADER}\r\nN001,新客户一,制造业,浙江,小型,O001\r\nN002,新客户二,批发零售,江苏,中型,O002\r\nN003,=HYPERLINK(A1),制造业,浙江,小型,O001\r\n`;

describeEachDb("uploads through the API", (kind) => {
  let app: TestApp;
  const cookies: Record<"admin" | "admin2" | "risk" | "officer", string> = {
    admin: "",
    admin2: "",
    risk: "",
    officer: "",
  };

  let portfolio: SeededPortfolio;

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await addUser(app, { email: "admin@bank.test", role: "admin" });
    await addUser(app, { email: "admin2@bank.test", role: "admin" });
    await addUser(app, { email: "officer@bank.test", role: "credit_officer", officerCode: "O001" });
    portfolio = await seedPortfolio(app, risk.id);
    for (const [key, email] of [
      ["admin", "admin@bank.test"],
      ["admin2", "admin2@bank.test"],
      ["risk", "risk@bank.test"],
      ["officer", "officer@bank.test"],
    ] as const)
      cookies[key] = await signIn(app, email);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Uploads bytes as the browser would: `POST /api/uploads?name=…` with the file as the body. */
  const upload = (
    cookie: string | null,
    body: string | Uint8Array,
    options: { name?: string; headers?: Headers; maxBytes?: number } = {},
  ) => {
    const headers = options.headers ?? browserHeaders();
    if (cookie) headers.set("cookie", cookie);
    const req = new Request(`${TEST_ORIGIN}/api/uploads?name=${encodeURIComponent(options.name ?? "customers.csv")}`, {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    return receiveUpload(req, {
      auth: app.auth,
      db: app.handle.db,
      trustedOrigins: [TEST_ORIGIN],
      maxBytes: options.maxBytes,
    });
  };
  const uploadFile = async (cookie: string, body: string) =>
    ((await (await upload(cookie, body)).json()) as { fileId: string }).fileId;
  const customerCount = async () =>
    (await app.handle.raw<{ n: number }>("select count(*)::int as n from customers"))[0]!.n;
  const batchCount = async () =>
    (await app.handle.raw<{ n: number }>("select count(*)::int as n from import_batches"))[0]!.n;
  const get = (cookie: string | null, url: string) => {
    const headers = browserHeaders();
    if (cookie) headers.set("cookie", cookie);
    return new Request(`${TEST_ORIGIN}${url}`, { headers });
  };

  it("accepts a file only from a signed-in admin on our own site, within the size limit", async () => {
    expect((await upload(null, CUSTOMERS_CSV)).status).toBe(401);
    expect((await upload(cookies.risk, CUSTOMERS_CSV)).status).toBe(403);
    expect((await upload(cookies.officer, CUSTOMERS_CSV)).status).toBe(403);
    expect(
      (await upload(cookies.admin, CUSTOMERS_CSV, { headers: browserHeaders({ origin: "https://evil.example" }) }))
        .status,
    ).toBe(403);
    expect((await upload(cookies.admin, CUSTOMERS_CSV, { maxBytes: 64 })).status).toBe(413);
    expect((await upload(cookies.admin, "")).status).toBe(400);
    const accepted = await upload(cookies.admin, CUSTOMERS_CSV, { name: "../../etc/客户.csv" });
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({ name: "客户.csv", size: Buffer.byteLength(CUSTOMERS_CSV) });
  });

  it("inspects and validates a file without writing, reporting rejects, totals and the download", async () => {
    const fileId = await uploadFile(cookies.admin, CUSTOMERS_CSV);
    const admin = await callerFor(app, cookies.admin);
    const inspection = await admin.upload.inspect({ fileId, kind: "customers" });
    expect(inspection.table).toMatchObject({ format: "csv", encoding: "utf-8" });
    expect(inspection.missingColumns).toEqual([]);
    expect(inspection.headers).toEqual(HEADER.split(","));

    const before = { customers: await customerCount(), batches: await batchCount(), audit: await countAllAudit(app) };
    const report = await admin.upload.validate({ fileId, kind: "customers" });
    expect(report).toMatchObject({ status: "rejected", isDryRun: true, rejectCount: 1 });
    expect(report.totals).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
    expect(report.rejects[0]).toMatchObject({ rowNumber: 4, code: "formula_injection" });
    expect({ customers: await customerCount(), batches: await batchCount(), audit: await countAllAudit(app) }).toEqual(
      before,
    );

    const csv = await downloadUploadReport(get(cookies.admin, report.reportUrl!), fileId, {
      auth: app.auth,
      handle: app.handle,
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(
      (
        await downloadUploadReport(get(cookies.admin2, report.reportUrl!), fileId, {
          auth: app.auth,
          handle: app.handle,
        })
      ).status,
    ).toBe(404);
  });

  it("keeps one admin's upload from another admin", async () => {
    const fileId = await uploadFile(cookies.admin, CUSTOMERS_CSV);
    const other = await callerFor(app, cookies.admin2);
    expect(await failureOf(other.upload.validate({ fileId, kind: "customers" }))).toEqual({
      code: "NOT_FOUND",
      appCode: "UPLOAD_FILE_NOT_FOUND",
    });
  });

  it("blocks a file with rejected rows by default, then commits the valid rows on request, audited once by the import", async () => {
    const fileId = await uploadFile(cookies.admin, CUSTOMERS_CSV);
    const admin = await callerFor(app, cookies.admin);
    const before = { customers: await customerCount(), batches: await batchCount(), audit: await countAllAudit(app) };
    const blocked = await admin.upload.commit({ fileId, kind: "customers" });
    expect(blocked.status).toBe("rejected");
    expect({ customers: await customerCount(), batches: await batchCount(), audit: await countAllAudit(app) }).toEqual(
      before,
    );

    const mismatch = await admin.upload.commit({
      fileId,
      kind: "customers",
      isAcceptValid: true,
      expectedTotalFen: "1",
    });
    expect(mismatch.status).toBe("rejected");
    expect(mismatch.fileRejects.map((r) => r.code)).toEqual(["control_total_mismatch"]);
    expect(mismatch.fileRejects[0]?.params).toMatchObject({ expectedFen: "1" });
    expect(await batchCount()).toBe(before.batches);

    const committed = await admin.upload.commit({ fileId, kind: "customers", isAcceptValid: true });
    expect(committed).toMatchObject({ status: "committed", changes: { inserted: 2, updated: 0, deleted: 0 } });
    expect(await customerCount()).toBe(before.customers + 2);
    expect(await countAudit(app, "import.commit", committed.batchId!)).toBe(1);
    expect(await countAllAudit(app)).toBe(before.audit + 1);

    const batchReport = await downloadBatchReport(get(cookies.risk, committed.reportUrl!), committed.batchId!, {
      auth: app.auth,
      handle: app.handle,
    });
    const batchText = await batchReport.text();
    // The stored reject holds a code and parameters; the report words it in both languages from ingest's catalogue.
    expect(batchText).toContain(`formula_injection,${REASONS.formula_injection.zh},${REASONS.formula_injection.en}`);
    const stored = await admin.upload.byId({ batchId: committed.batchId!, rejectsLimit: 10 });
    expect(stored.rejects.map(({ reasonCode, params }) => ({ reasonCode, params }))).toEqual([
      { reasonCode: "formula_injection", params: {} },
    ]);
    expect(
      (
        await downloadBatchReport(get(cookies.officer, committed.reportUrl!), committed.batchId!, {
          auth: app.auth,
          handle: app.handle,
        })
      ).status,
    ).toBe(403);
    // The committed file is gone from disk; committing it again needs a fresh upload, which is recognised as a duplicate.
    expect(await failureOf(admin.upload.commit({ fileId, kind: "customers", isAcceptValid: true }))).toEqual({
      code: "NOT_FOUND",
      appCode: "UPLOAD_FILE_NOT_FOUND",
    });
    const again = await admin.upload.commit({
      fileId: await uploadFile(cookies.admin, CUSTOMERS_CSV),
      kind: "customers",
      isAcceptValid: true,
    });
    expect(again).toMatchObject({ status: "duplicate", batchId: committed.batchId });
    expect(await customerCount()).toBe(before.customers + 2);

    expect(
      await failureOf((await callerFor(app, cookies.risk)).upload.rollback({ batchId: committed.batchId! })),
    ).toMatchObject({ code: "FORBIDDEN" });
    const rolledBack = await admin.upload.rollback({ batchId: committed.batchId! });
    expect(rolledBack).toMatchObject({ deleted: 2 });
    expect(await customerCount()).toBe(before.customers);
    expect(await countAudit(app, "import.rollback", committed.batchId!)).toBe(1);
    const auditBefore = await countAllAudit(app);
    expect(await failureOf(admin.upload.rollback({ batchId: committed.batchId! }))).toEqual({
      code: "CONFLICT",
      appCode: "BATCH_NOT_COMMITTED",
    });
    expect(await countAllAudit(app)).toBe(auditBefore);
  });

  it("commits through a job that the caller polls through any instance, and shows no one else's job", async () => {
    const admin = await callerFor(app, cookies.admin);
    const before = { customers: await customerCount(), batches: await batchCount() };
    const fileId = await uploadFile(cookies.admin, CUSTOMERS_CSV.replaceAll("N00", "J00"));
    const queued = await admin.upload.commitInBackground({ fileId, kind: "customers", isAcceptValid: true });
    expect(queued).toMatchObject({ fileId, report: null, failure: null });
    await waitForBackgroundRuns();
    // Another caller (another instance: the job is a row) reads where it is and its report.
    const done = await (await callerFor(app, cookies.admin)).upload.importJob({ jobId: queued.id });
    expect(done).toMatchObject({ status: "succeeded", phase: "done", failure: null });
    expect(done.report).toMatchObject({ status: "committed", rejectCount: 1, totals: { rowsAccepted: 2 } });
    expect(done.report!.reportUrl).toBe(`/api/uploads/batches/${done.report!.batchId}/report`);
    expect({ customers: await customerCount(), batches: await batchCount() }).toEqual({
      customers: before.customers + 2,
      batches: before.batches + 1,
    });
    expect(await countAudit(app, "import.commit", done.report!.batchId!)).toBe(1);
    expect(await failureOf((await callerFor(app, cookies.admin2)).upload.importJob({ jobId: queued.id }))).toEqual({
      code: "NOT_FOUND",
      appCode: "UPLOAD_NOT_FOUND",
    });
    // The committed upload's bytes are gone: it cannot be queued again.
    expect(await failureOf(admin.upload.commitInBackground({ fileId, kind: "customers" }))).toEqual({
      code: "NOT_FOUND",
      appCode: "UPLOAD_FILE_NOT_FOUND",
    });
    await admin.upload.rollback({ batchId: done.report!.batchId! });
  });

  it("refuses to roll back a batch the engine's run read, writing nothing", async () => {
    const admin = await callerFor(app, cookies.admin);
    const auditBefore = await countAllAudit(app);
    expect(await failureOf(admin.upload.rollback({ batchId: portfolio.batchIds.loans }))).toEqual({
      code: "CONFLICT",
      appCode: "BATCH_IN_USE",
    });
    expect(await countAllAudit(app)).toBe(auditBefore);
    expect((await admin.upload.byId({ batchId: portfolio.batchIds.loans })).batch.status).toBe("committed");
  });

  it("saves column mappings with an audit row, and refuses unknown columns without writing", async () => {
    const admin = await callerFor(app, cookies.admin);
    const saved = await admin.upload.mappings.save({
      name: "Core banking customers",
      kind: "customers",
      mapping: { 客户号码: "customer_id" },
    });
    expect(await countAudit(app, "upload.mapping_saved", String(saved.id))).toBe(1);
    expect((await admin.upload.mappings.list({ kind: "customers" })).map((m) => m.name)).toEqual([
      "Core banking customers",
    ]);
    const before = await countAllAudit(app);
    expect(
      await failureOf(
        admin.upload.mappings.save({ name: "Broken", kind: "customers", mapping: { x: "no_such_column" } }),
      ),
    ).toEqual({ code: "BAD_REQUEST", appCode: "UNKNOWN_MAPPING_TARGET" });
    expect(await countAllAudit(app)).toBe(before);
    expect((await admin.upload.mappings.list({})).map((m) => m.name)).toEqual(["Core banking customers"]);
    expect(
      await failureOf(
        (await callerFor(app, cookies.risk)).upload.mappings.save({ name: "R", kind: "customers", mapping: {} }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("serves templates to signed-in staff who may read uploads", async () => {
    const csv = await downloadTemplate(get(cookies.admin, "/api/templates/loans?format=csv"), "loans", {
      auth: app.auth,
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect((await csv.text()).split("\r\n")).toHaveLength(3);
    const xlsx = await downloadTemplate(get(cookies.risk, "/api/templates/loans?format=xlsx"), "loans", {
      auth: app.auth,
    });
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await downloadTemplate(get(null, "/api/templates/loans"), "loans", { auth: app.auth })).status).toBe(401);
    expect(
      (await downloadTemplate(get(cookies.officer, "/api/templates/loans"), "loans", { auth: app.auth })).status,
    ).toBe(403);
    expect(
      (await downloadTemplate(get(cookies.admin, "/api/templates/secrets"), "secrets", { auth: app.auth })).status,
    ).toBe(404);
  });
});
