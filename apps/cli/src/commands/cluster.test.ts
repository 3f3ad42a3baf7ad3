import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCommands } from "../testing/run-commands";
import { register } from "./cluster";

const run = (args: string[]) => runCommands([register], args);

/** Three loan bundles, 30 rows each, with deterministic jitter (rate %, amount CNY, term months). */
function writeLoans(file: string): void {
  const lines = ["loan_id,rate,amount,term_months,balance"];
  const bundles = [
    [6, 300_000, 6],
    [4.5, 3_000_000, 12],
    [3.2, 100_000_000, 120],
  ] as const;
  for (let i = 0; i < 90; i++) {
    const [rate, amount, term] = bundles[i % 3]!;
    const jitter = ((i * 37) % 11) / 10 - 0.5;
    lines.push(
      `L${i},${(rate + jitter * 0.2).toFixed(2)},${Math.round(amount * (1 + jitter * 0.3))},${term},${Math.round(amount * 0.7)}`,
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

let work: string;
let input: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "creditseg-cluster-test-"));
  input = join(work, "loans.csv");
  writeLoans(input);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const base = () => ["cluster", "--input", input, "--features", "rate,amount,term_months", "--log", "amount"];

describe("creditseg cluster", () => {
  it("prints the JSON contract, choosing k over a range", async () => {
    const { stdout, error } = await run([...base(), "--k", "2..5", "--restarts", "3", "--json"]);
    expect(error).toBeNull();
    const result = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of [
      "k",
      "inertia",
      "silhouette",
      "sizes",
      "centroids",
      "labels",
      "selection",
      "seed",
      "restarts",
      "iterations",
    ])
      expect(result).toHaveProperty(key);
    expect(result.k).toBe(3);
    expect(result.sizes).toEqual([30, 30, 30]);
    expect((result.selection as { k: number }[]).map((c) => c.k)).toEqual([2, 3, 4, 5]);
    expect((result.labels as { zh: string }[]).map((l) => l.zh).sort()).toEqual(
      ["中额·中期·中利率", "大额·长期·低利率", "小额·短期·高利率"].sort(),
    );
    expect(result.restarts).toBe(3);
  });

  it("gives the same output for the same seed", async () => {
    const first = await run([...base(), "--k", "3", "--seed", "4", "--json"]);
    const second = await run([...base(), "--k", "3", "--seed", "4", "--json"]);
    expect(second.stdout).toBe(first.stdout);
  });

  it("prints a readable table without --json", async () => {
    const { stdout } = await run([...base(), "--k", "3"]);
    expect(stdout).toContain("k = 3");
    expect(stdout).toContain("小额·短期·高利率 / small · short · high-rate");
  });

  it("writes each row's cluster and the summary into --out", async () => {
    const out = join(work, "out");
    const { error } = await run([...base(), "--k", "3", "--weight", "balance", "--out", out]);
    expect(error).toBeNull();
    expect(readdirSync(out).sort()).toEqual(["assignments.csv", "clusters.json"]);
    const rows = readFileSync(join(out, "assignments.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("row,rate,amount,term_months,cluster,label_zh,label_en");
    expect(rows).toHaveLength(91);
    const clusters = JSON.parse(readFileSync(join(out, "clusters.json"), "utf8")) as {
      profiles: { shareOfWeight: number }[];
    };
    expect(clusters.profiles.reduce((s, p) => s + p.shareOfWeight, 0)).toBeCloseTo(1, 12);
    // Rows of the same bundle (every third row) share a cluster.
    const clusterOf = rows.slice(1).map((line) => line.split(",")[4]);
    expect(clusterOf[0]).toBe(clusterOf[3]);
    expect(clusterOf[0]).not.toBe(clusterOf[1]);
  });

  it.each([
    [["--features", "rate,amount,nope"], /loans\.csv: missing column "nope"/],
    [["--k", "51"], /k: /],
    [["--k", "two"], /--k must be an integer/],
    [["--scale", "log"], /--scale must be one of/],
    [["--log", "term"], /log/],
  ])("rejects bad options %j with exit code 2", async (extra, message) => {
    const out = join(work, "out");
    const { error } = await run([...base(), "--k", "3", ...extra, "--out", out]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects k above the number of rows", async () => {
    writeFileSync(input, "rate,amount,term_months\n4.35,1000000,12\n4.1,2000000,12\n");
    const { error } = await run([...base(), "--k", "3"]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toBe(`${input}: k = 3 exceeds the number of rows (2)`);
  });

  it("names file, row and column for a non-numeric value, and writes nothing", async () => {
    writeFileSync(input, "rate,amount,term_months\n4.35,1000000,12\n4.1,abc,12\n");
    const out = join(work, "out");
    const { error } = await run([...base(), "--k", "1", "--out", out]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toBe(`${input}: row 2 (line 3), column "amount": "abc" is not a number`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual(["loans.csv"]);
  });
});
