import { describeEachDb } from "@creditseg/db/testing";
import { buildHostileCorpus, buildSharedStringsBomb, type HostileCorpus } from "@creditseg/ingest/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedPortfolio } from "../testing/portfolio-fixture";
import {
  addUser,
  browserHeaders,
  callerFor,
  createTestApp,
  signIn,
  TEST_ORIGIN,
  type TestApp,
} from "../testing/test-app";
import { receiveUpload } from "./receive-upload";

/** Each hostile file and the reason the API must refuse it with, row-level (r:) or file-level (f:). */
const REFUSALS: [file: string, reason: string][] = [
  ["overflow-amount.csv", "r:amount_out_of_range"],
  ["overflow-fen.csv", "r:amount_out_of_range"],
  ["sum-overflow.csv", "f:control_total_overflow"],
  ["nul-text.csv", "r:nul_character"],
  ["control-esc.csv", "r:control_character"],
  ["bidi-override.csv", "r:bidi_control"],
  ["xlsx-1e20.xlsx", "r:amount_out_of_range"],
  ["gbk-after-64k.csv", "f:encoding_mismatch"],
  ["mixed-encodings.csv", "f:mixed_encodings"],
  ["start-after-period.csv", "r:start_after_period"],
  ["days-over-period.csv", "r:days_exceed_period"],
];

describeEachDb("hostile files through the upload route and procedures", (kind) => {
  let app: TestApp;
  let cookie: string;
  let corpus: HostileCorpus;
  let bomb: Buffer;

  beforeAll(async () => {
    app = await createTestApp(kind);
    const risk = await addUser(app, { email: "risk@bank.test", role: "risk_manager" });
    await addUser(app, { email: "admin@bank.test", role: "admin" });
    await seedPortfolio(app, risk.id);
    cookie = await signIn(app, "admin@bank.test");
    corpus = await buildHostileCorpus();
    // 512 MB of shared strings in a workbook of about a megabyte.
    bomb = await buildSharedStringsBomb(512 * 1024 * 1024);
  });
  afterAll(async () => {
    await app?.close();
  });

  const uploadFile = async (name: string, body: Uint8Array) => {
    const headers = browserHeaders();
    headers.set("cookie", cookie);
    const req = new Request(`${TEST_ORIGIN}/api/uploads?name=${encodeURIComponent(name)}`, {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    const response = await receiveUpload(req, { auth: app.auth, db: app.handle.db, trustedOrigins: [TEST_ORIGIN] });
    expect(response.status).toBe(201);
    return ((await response.json()) as { fileId: string }).fileId;
  };
  const tableCounts = async () =>
    (
      await app.handle.raw<{ counts: string }>(
        "select (select count(*) from loans) || '/' || (select count(*) from import_batches) || '/' || (select count(*) from import_rejects) as counts",
      )
    )[0]!.counts;

  it.each(REFUSALS)("%s is refused with %s and writes nothing", async (name, reason) => {
    const before = await tableCounts();
    const admin = await callerFor(app, cookie);
    const fileId = await uploadFile(name, corpus[name]!);
    const report = await admin.upload.commit({ fileId, kind: "loans", period: "2025" });
    expect(report.status).toBe("rejected");
    const [scope, code] = reason.split(":") as ["r" | "f", string];
    const codes = (scope === "f" ? report.fileRejects : report.rejects).map((reject) => reject.code);
    expect(codes).toContain(code);
    expect(await tableCounts()).toBe(before);
  });

  it("refuses three zip bombs at once before inflating them, and still answers afterwards", async () => {
    const before = await tableCounts();
    const admin = await callerFor(app, cookie);
    const fileIds = await Promise.all([1, 2, 3].map((n) => uploadFile(`bomb-${n}.xlsx`, bomb)));
    const reports = await Promise.all(
      fileIds.map((fileId) => admin.upload.commit({ fileId, kind: "loans", period: "2025" })),
    );
    for (const report of reports) {
      expect(report.status).toBe("rejected");
      // Its declared size already exceeds the shared-strings budget; a lying header would hit the inflate cap instead.
      expect(report.fileRejects.map((reject) => reject.code)).toEqual(["xlsx_too_large_inflated"]);
    }
    expect(await tableCounts()).toBe(before);
    const list = await admin.upload.list({ limit: 5 });
    expect(Array.isArray(list.items)).toBe(true);
  });
});
