import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCommands } from "../testing/run-commands";
import { register as registerPolicy } from "./policy";
import { register as registerSegment } from "./segment";

const FIXTURES = join(import.meta.dirname, "../__fixtures__/segment");

const run = (args: string[]) => runCommands([registerSegment, registerPolicy], args);

let work: string;
let data: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "creditseg-segment-test-"));
  data = join(work, "data");
  cpSync(FIXTURES, data, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\n");
  const columns = header!.split(",");
  // The fixture's first ten columns hold no commas or quotes (the bundle label and reason code come after).
  return lines.map((line) =>
    Object.fromEntries(
      line
        .split(",")
        .slice(0, 10)
        .map((cell, i) => [columns[i]!, cell]),
    ),
  );
}

describe("creditseg segment", () => {
  it("writes the four outputs, with docs/DOMAIN.md's worked example to the fen", async () => {
    const out = join(work, "out");
    const { error, stdout } = await run([
      "segment",
      "--data",
      data,
      "--policy",
      join(data, "policy.json"),
      "--out",
      out,
    ]);
    expect(error).toBeNull();
    expect(stdout).toContain("wrote customers.csv");
    expect(readdirSync(out).sort()).toEqual(["clusters.json", "customers.csv", "project_groups.json", "summary.json"]);
    expect(readdirSync(work).sort()).toEqual(["data", "out"]);
    const rows = parseCsv(readFileSync(join(out, "customers.csv"), "utf8"));
    expect(rows.find((r) => r.customer_id === "C001")).toMatchObject({
      deposit_contribution: "82500.00",
      loan_contribution: "172500.00",
      fee_income: "20000.00",
      contribution: "275000.00",
      classification: "normal",
      tier: "basic",
    });
    expect(rows.find((r) => r.customer_id === "C004")).toMatchObject({
      classification: "substandard",
      tier: "general",
      grade: "B",
    });
    const clusters = JSON.parse(readFileSync(join(out, "clusters.json"), "utf8"));
    expect(clusters.k).toBe(3);
    expect(clusters.sizes.reduce((s: number, n: number) => s + n, 0)).toBe(12);
    const groups = JSON.parse(readFileSync(join(out, "project_groups.json"), "utf8"));
    expect(groups.warnings.map((w: { groupKey: string }) => w.groupKey)).toEqual(["infrastructure|Anhui|medium"]);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.customerCount).toBe(6);
    expect(summary.npl.overall.nplFen).toBe("190000000");
  });

  it("gives the same outputs on a second run (deterministic)", async () => {
    const [a, b] = [join(work, "a"), join(work, "b")];
    await run(["segment", "--data", data, "--policy", join(data, "policy.json"), "--out", a]);
    await run(["segment", "--data", data, "--policy", join(data, "policy.json"), "--out", b]);
    for (const file of readdirSync(a))
      expect(readFileSync(join(b, file), "utf8")).toBe(readFileSync(join(a, file), "utf8"));
  });

  const replaceInFile = (file: string, from: string | RegExp, to: string) => {
    const path = join(data, file);
    const text = readFileSync(path, "utf8");
    const next = text.replace(from, to);
    expect(next).not.toBe(text);
    writeFileSync(path, next);
  };

  it.each<[string, () => void, RegExp]>([
    [
      "a missing column",
      () => replaceInFile("loans.csv", "avg_daily_balance,days", "balance,days"),
      /^loans\.csv, column avg_daily_balance: a required column is missing/,
    ],
    [
      "a non-numeric amount",
      () => replaceInFile("loans.csv", "L002,C002,working_capital,3000000", "L002,C002,working_capital,3百万"),
      /^loans\.csv, row 3, column amount: "3百万" not a valid number$/,
    ],
    [
      "an unknown customer",
      () => replaceInFile("deposits.csv", "D005,C004", "D005,C999"),
      /^deposits\.csv, row 6, column customer_id: "C999" unknown customer/,
    ],
    [
      "negative days",
      () => replaceInFile("loans.csv", "collateral,normal,10000000,360", "collateral,normal,10000000,-360"),
      /^loans\.csv, row 2, column days: "-360" value out of the allowed range$/,
    ],
    [
      "a rate in basis points",
      () => replaceInFile("loans.csv", "3000000,4.35,", "3000000,4350,"),
      /^loans\.csv, row 3, column rate: "4350" rate out of range \(annual percent/,
    ],
    [
      "an unknown classification",
      () => replaceInFile("loans.csv", "pledge,关注", "pledge,good"),
      /^loans\.csv, row 8, column classification: "good" not one of the allowed values/,
    ],
    [
      "an impossible start date (checked as the import checks it)",
      () => replaceInFile("loans.csv", "2025-01-01,2025-12-31", "2025-13-01,2025-12-31"),
      /^loans\.csv, row 2, column start_date: "2025-13-01"/,
    ],
    [
      "a formula cell (checked as the import checks it)",
      () => replaceInFile("customers.csv", "C001,华东精密制造有限公司", "C001,=HYPERLINK(1)"),
      /^customers\.csv, row 2, column name: "=HYPERLINK\(1\)"/,
    ],
    ["a missing file", () => rmSync(join(data, "fees.csv")), /^fees\.csv: file not found/],
    [
      "an invalid policy",
      () => replaceInFile("policy.json", '"taxRate": 5.5', '"taxRate": -5.5'),
      /invalid policy \(1 problem\):\n {2}taxRate: /,
    ],
  ])("exits with code 2 on %s and leaves --out untouched", async (_name, breakInput, message) => {
    breakInput();
    const out = join(work, "out");
    const { error } = await run(["segment", "--data", data, "--policy", join(data, "policy.json"), "--out", out]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual(["data"]);
  });

  it("replaces the files of an existing --out directory only on success", async () => {
    const out = join(work, "out");
    await run(["segment", "--data", data, "--policy", join(data, "policy.json"), "--out", out]);
    const before = readFileSync(join(out, "customers.csv"), "utf8");
    replaceInFile("loans.csv", "3000000,4.35,", "3000000,4350,");
    const { error } = await run(["segment", "--data", data, "--policy", join(data, "policy.json"), "--out", out]);
    expect(error?.exitCode).toBe(2);
    expect(readFileSync(join(out, "customers.csv"), "utf8")).toBe(before);
  });

  it("accepts a missing projects.csv and prints the summary without --out", async () => {
    rmSync(join(data, "projects.csv"));
    const { error, stdout } = await run(["segment", "--data", data, "--policy", join(data, "policy.json")]);
    expect(error).toBeNull();
    expect(JSON.parse(stdout).tierCounts).toEqual({ core: 2, basic: 3, general: 1 });
  });
});

describe("creditseg policy", () => {
  it("prints a default policy that check accepts", async () => {
    const { stdout } = await run(["policy", "default"]);
    const file = join(work, "default.json");
    writeFileSync(file, stdout);
    const checked = await run(["policy", "check", file]);
    expect(checked.error).toBeNull();
    expect(checked.stdout).toContain("valid policy");
    expect(checked.stdout).toContain("core (核心客户): contribution ≥ 1000000.00 CNY and classification in [normal]");
    expect(checked.stdout).toContain("same as the default policy");
  });

  it("names each offending field and why, with exit code 2", async () => {
    const policy = JSON.parse((await run(["policy", "default"])).stdout);
    policy.tiers[0].minContribution = "a lot";
    policy.ftp.loan[0].rate = 435;
    const file = join(work, "bad.json");
    writeFileSync(file, JSON.stringify(policy));
    const { error } = await run(["policy", "check", file]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/invalid policy \(2 problems\)/);
    expect(error?.message).toMatch(/^ {2}tiers\.0\.minContribution: .*number/m);
    expect(error?.message).toMatch(/^ {2}ftp\.loan\.0\.rate: .*100/m);
  });

  it("rejects a file that is not JSON", async () => {
    const file = join(work, "broken.json");
    writeFileSync(file, "{ taxRate: ");
    const { error } = await run(["policy", "check", file]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/broken\.json: not valid JSON/);
  });
});
